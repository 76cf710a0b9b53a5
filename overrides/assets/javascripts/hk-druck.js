/* Print: internal links get their full address on paper too. Their href is relative
   ("../partner/"), which means nothing on paper, so the absolute address the browser resolved
   is stored in data-hk-adresse; druck.css prints it after the link text. Links within the
   page (#…) and links that already carry a scheme (http:, mailto:) are left alone. */
(function () {
  var scheme = /^[a-z][a-z0-9+.-]*:/i;
  document.querySelectorAll("#hk-inhalt a[href]").forEach(function (link) {
    var href = link.getAttribute("href").trim();
    if (!href || href.charAt(0) === "#" || scheme.test(href) || href.indexOf("//") === 0) return;
    link.setAttribute("data-hk-adresse", link.href);
  });
})();
