/* Keyboard access Material 9.8.2 only offers to the mouse.
   Navigation drawer: the menu "button" is a <label>, which Tab skips. It is swapped for a real
   <button> that reports its state; opening moves focus into the drawer, Escape closes it and
   returns focus to the button.
   Search: Tab into the search field opens the search, as clicking it does; on phones the
   field is out of view until then.
   Colour scheme switch: on a first visit Material follows the browser's colour setting but
   checks none of its radio buttons, so Tab lands on the first one, which in the dark palette is
   the hidden "Dunkles Farbschema einschalten" switch (no visible focus, wrong name). Checking
   the button of the palette on screen puts Tab on the visible switch.
   Back-to-top button: kept out of the Tab order. Material hides it again while scrolling and
   blurs it if it has focus, so keyboard focus got lost; the Home key does the same job. */
(function () {
  function setToggle(toggle, open) {
    if (toggle.checked === open) return;
    toggle.checked = open;
    toggle.dispatchEvent(new Event("change"));  /* Material follows its toggles' change events */
  }

  var drawerToggle = document.getElementById("__drawer");
  var label = document.querySelector('.md-header label[for="__drawer"]');
  var drawer = document.querySelector(".md-sidebar--primary");
  if (drawerToggle && label && drawer) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " hk-menueknopf";
    button.setAttribute("aria-label", label.getAttribute("title") || "Navigation");
    drawer.id = drawer.id || "hk-navigation";
    button.setAttribute("aria-controls", drawer.id);
    while (label.firstChild) button.appendChild(label.firstChild);
    label.replaceWith(button);

    var showState = function () { button.setAttribute("aria-expanded", String(drawerToggle.checked)); };
    showState();
    drawerToggle.addEventListener("change", showState);

    button.addEventListener("click", function () {
      setToggle(drawerToggle, !drawerToggle.checked);
      if (drawerToggle.checked) {
        var first = drawer.querySelector("a[href]");
        if (first) first.focus();
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !drawerToggle.checked) return;
      setToggle(drawerToggle, false);
      button.focus();
    });
  }

  var searchToggle = document.getElementById("__search");
  var query = document.querySelector(".md-search__input");
  if (searchToggle && query) {
    /* Closing is Material's: Tab or Escape in the search field closes the search. */
    query.addEventListener("focus", function () { setToggle(searchToggle, true); });
  }

  document.addEventListener("DOMContentLoaded", function () {  /* after Material has set the palette */
    var options = [].slice.call(document.querySelectorAll(".md-header .md-option"));
    if (options.some(function (option) { return option.checked; })) return;
    var scheme = document.body.getAttribute("data-md-color-scheme");
    var shown = options.filter(function (option) { return option.getAttribute("data-md-color-scheme") === scheme; })[0];
    if (shown) shown.checked = true;
  });

  var backToTop = document.querySelector(".md-top");
  if (backToTop) {
    var keepOutOfTabOrder = function () {
      if (backToTop.getAttribute("tabindex") !== "-1") backToTop.setAttribute("tabindex", "-1");
    };
    keepOutOfTabOrder();
    new MutationObserver(keepOutOfTabOrder).observe(backToTop, {attributes: true, attributeFilter: ["tabindex"]});
  }
})();
