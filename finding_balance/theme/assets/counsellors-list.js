/* Finding Balance: filters for the counsellors' list (partials/counsellors-list.html).
 *
 * Two drop-down lists, by page and by kind (whole pages, sections, quizzes): items that do not match
 * are hidden, and so is a page with no item left; the status line under the filters says how many
 * addresses show ("Showing {shown} of {total} addresses.", read out by screen readers). The filters
 * are hidden until this script shows them: without JavaScript the list is the whole list.
 *
 * Page bundle "counsellors": loaded only on the counsellors' page, and run again by the theme after
 * each instant navigation to it; set up once, then for each page through Material's document$,
 * idempotent. The change listener is global and added once.
 */
(function () {
  "use strict";

  if (window.findingBalanceDirectory) return;

  function fill(text, values) {
    return String(text).replace(/\{(shown|total)\}/g, function (match, key) {
      return String(values[key]);
    });
  }

  function apply(filters, announce) {
    var list = filters.closest(".fb-directory");
    var topic = filters.querySelector('[data-fb-filter="topic"]').value;
    var kind = filters.querySelector('[data-fb-filter="kind"]').value;
    var shown = 0;
    var total = 0;
    list.querySelectorAll(".fb-directory__page").forEach(function (page) {
      var onTopic = !topic || page.getAttribute("data-fb-topic") === topic;
      var left = 0;
      page.querySelectorAll("li[data-fb-kind]").forEach(function (item) {
        var show = onTopic && (!kind || item.getAttribute("data-fb-kind") === kind);
        item.hidden = !show;
        total += 1;
        if (show) left += 1;
      });
      page.hidden = left === 0;
      shown += left;
    });
    var status = filters.querySelector("[data-fb-filter-status]");
    if (status && announce) status.textContent = fill(filters.getAttribute("data-shown"), { shown: shown, total: total });
  }

  function setUp() {
    document.querySelectorAll("[data-fb-filters]:not([data-fb-filters-ready])").forEach(function (filters) {
      filters.querySelectorAll("select").forEach(function (select) {
        select.value = "";
      });
      apply(filters, false);
      filters.hidden = false;
      filters.setAttribute("data-fb-filters-ready", "");
    });
  }

  document.addEventListener("change", function (event) {
    var select = event.target instanceof Element ? event.target.closest("[data-fb-filter]") : null;
    var filters = select && select.closest("[data-fb-filters]");
    if (filters) apply(filters, true);
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }

  window.findingBalanceDirectory = { setUp: setUp };
})();
