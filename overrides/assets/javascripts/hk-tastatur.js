/* Keyboard access to the navigation drawer, which Material only offers to the mouse:
   the menu button (a <label>) becomes a focusable button that reports its state, Enter or
   Space opens the drawer and moves focus into it, Escape closes it and returns focus. */
(function () {
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector('.md-header label[for="__drawer"]');
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !button || !drawer) return;

  function showState() {
    button.setAttribute("aria-expanded", String(toggle.checked));
  }

  function setDrawer(open) {
    toggle.checked = open;
    toggle.dispatchEvent(new Event("change"));  /* Material reacts to the toggle's change event */
    showState();
  }

  button.setAttribute("role", "button");
  button.setAttribute("tabindex", "0");
  button.setAttribute("aria-label", "Navigation");
  button.setAttribute("aria-controls", "hk-navigation");
  drawer.id = drawer.id || "hk-navigation";
  showState();
  toggle.addEventListener("change", showState);

  button.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    setDrawer(!toggle.checked);
    if (toggle.checked) {
      var first = drawer.querySelector("a[href], input, button, [tabindex='0']");
      if (first) first.focus();
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !toggle.checked) return;
    setDrawer(false);
    button.focus();
  });
})();
