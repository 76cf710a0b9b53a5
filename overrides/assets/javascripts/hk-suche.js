/* Search on first use. Material 9.8.2 starts its search worker and fetches the search index on
   every page load (bundle: mountSearch → setupSearchWorker, fetchSearchIndex), and no setting
   defers that. This file runs in the page head (delivered with hk-basis.js, see
   macros/handlungskonzept/ausgaben/assets.py), before Material's bundle:
   - Material gets a stand-in for its search worker: window.Worker is wrapped for that one address.
     The real worker starts, and fetches its language files, only when a reader first focuses or
     opens the search, or arrives with ?q= (the 404 page and shared search links);
   - the index is fetched here at that moment and handed to the worker. The search form in
     overrides/partials/search.html has no name="search", so Material's bundle never fetches it.
   The messages are Material's (integrations/search/worker/message): SETUP 0; READY 1 comes back,
   and only then does Material send queries, so nothing typed in the meantime is lost. */
(function () {
  var RealWorker = window.Worker;
  var starts = [];

  function start() {
    while (starts.length) starts.shift()();
  }

  /* Stand-in with the part of the Worker interface Material uses: message events and postMessage. */
  function SearchWorkerOnFirstUse(address, options, config) {
    var indexAddress = new URL("search/search_index.json", new URL(config.base, location.href)).href;
    var standIn = new EventTarget();
    var worker = null;
    var waiting = [];
    standIn.postMessage = function (message) {
      if (worker) worker.postMessage(message);
      else waiting.push(message);
    };
    standIn.terminate = function () {
      if (worker) worker.terminate();
    };
    starts.push(function () {
      var real = new RealWorker(address, options);
      real.addEventListener("message", function (event) {
        standIn.dispatchEvent(new MessageEvent("message", {data: event.data}));
      });
      fetch(indexAddress, {credentials: "same-origin"})
        .then(function (response) { return response.json(); })
        .then(function (index) {
          real.postMessage({type: 0, data: {config: index.config, docs: index.docs,
                                            options: {suggest: config.features.indexOf("search.suggest") >= 0}}});
          worker = real;
          while (waiting.length) real.postMessage(waiting.shift());
        });
    });
    return standIn;
  }

  /* Material creates its worker while its bundle runs, when #__config (end of body) is there. */
  window.Worker = function (address, options) {
    var config = JSON.parse(document.getElementById("__config").textContent);
    if (new URL(address, location.href).href !== new URL(config.search, location.href).href)
      return new RealWorker(address, options);
    return SearchWorkerOnFirstUse(address, options, config);
  };

  document.addEventListener("focusin", function (event) {
    if (event.target.classList && event.target.classList.contains("md-search__input")) start();
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) start();
  });
  if (new URLSearchParams(location.search).has("q")) document.addEventListener("DOMContentLoaded", start);
})();
