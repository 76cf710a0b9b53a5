/* Stores the colour scheme only after the reader has chosen one (TDDDG § 25 Abs. 2 Nr. 2).
   Material 9.8.2 writes "__palette" to localStorage on every page load, even when the reader
   never touched the switch. This wraps __md_set (hk-basis.js): the palette is stored only once a
   real click or key press on the switch has happened on this page. Until then nothing is stored,
   and Material follows prefers-color-scheme, because its palette reader finds no stored choice. */
(function () {
  var store = __md_set, chosen = false, keys = ["Enter", " ", "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"];
  function onSwitch(event) {
    return event.isTrusted && event.target instanceof Element &&
      event.target.closest("[data-md-component=palette]") !== null;
  }
  document.addEventListener("click", function (event) {
    if (onSwitch(event)) chosen = true;
  }, true);
  document.addEventListener("keydown", function (event) {
    if (onSwitch(event) && keys.indexOf(event.key) !== -1) chosen = true;
  }, true);
  __md_set = function (key) {
    if (key === "__palette" && !chosen) return;
    return store.apply(this, arguments);
  };
})();
