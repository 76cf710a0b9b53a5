/* Material 9.8.2 partials/javascripts/content.html, moved out of the page for the CSP:
   opens the content tab a link points to. */
var target = document.getElementById(location.hash.slice(1));
target && target.name && (target.checked = target.name.startsWith("__tabbed_"));
