/* Material 9.8.2 partials/javascripts/base.html, moved out of the page for the CSP.
   The storage scope is the site root, derived from this file's own address
   (assets/javascripts/hk-basis.js), so it is the same on every page, the 404 page included. */
var __md_scope = new URL("../..", document.currentScript.src),
  __md_hash = e => [...e].reduce((e, _) => (e << 5) - e + _.charCodeAt(0), 0),
  __md_get = (e, _ = localStorage, t = __md_scope) => JSON.parse(_.getItem(t.pathname + "." + e)),
  __md_set = (e, _, t = localStorage, a = __md_scope) => {
    try { t.setItem(a.pathname + "." + e, JSON.stringify(_)) } catch (e) {}
  };
