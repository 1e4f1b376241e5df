/* Finding Balance: the Print button of topic pages (partials/print-button.html).
 *
 * The fold-out's two choices are shown (without JavaScript it says how to print with the browser's
 * own command instead). "The whole page" prints the page as the browser's Print command does; "A
 * short handout" sets html[data-fb-printing="short"] while the browser prints, and print-button.css
 * leaves out what the short handout does not hold. The mark goes again once printing is over
 * (afterprint), so the browser's own Print command always gives the whole page. Focus goes back to
 * the fold-out's summary, which stays where it was.
 *
 * Page bundle "print": loaded only on topic pages, and run again by the theme after each instant
 * navigation to one; set up once, then for each page through Material's document$, idempotent.
 */
(function () {
  "use strict";

  if (window.findingBalancePrint) return;

  var MARK = "data-fb-printing";

  function setUp() {
    document.querySelectorAll("[data-fb-print]:not([data-fb-print-ready])").forEach(function (menu) {
      var choices = menu.querySelector("[data-fb-print-choices]");
      var help = menu.querySelector("[data-fb-print-help]");
      if (!choices) return;
      choices.hidden = false;
      if (help) help.hidden = true;
      menu.setAttribute("data-fb-print-ready", "");
    });
  }

  function print(mode, menu) {
    if (mode === "short") document.documentElement.setAttribute(MARK, mode);
    else document.documentElement.removeAttribute(MARK);
    if (menu) {
      menu.open = false;
      var summary = menu.querySelector("summary");
      if (summary) summary.focus();
    }
    window.print();
  }

  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element ? event.target.closest("[data-fb-print-mode]") : null;
    if (button) print(button.getAttribute("data-fb-print-mode"), button.closest("[data-fb-print]"));
  });

  window.addEventListener("afterprint", function () {
    document.documentElement.removeAttribute(MARK);
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }

  window.findingBalancePrint = { setUp: setUp, print: print };
})();
