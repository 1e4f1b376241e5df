/* Finding Balance: the link to this page in the other language keeps the reader at the same place.
 *
 * Section anchors and quiz ids are the same in every edition, so when the reader follows the link
 * (partials/editions.html), the #section they are at goes with it. Without JavaScript the link leads
 * to the top of the same page. One listener for the whole document, added once: it keeps working
 * after the theme's instant navigation replaces the page.
 */
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("[data-fb-language-link]") : null;
    if (!link || !window.location.hash) return;
    var target = new URL(link.href);
    target.hash = window.location.hash;
    link.href = target.toString();
  });
})();
