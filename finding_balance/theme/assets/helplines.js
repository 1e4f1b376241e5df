/* Finding Balance: the help page's country chooser and plain card. Markup: partials/helplines.html.
 *
 * Loaded by the help page alone (help.html), deferred, inside its content, so the theme's instant
 * navigation runs it again each time a reader arrives there: setting up is idempotent, and the
 * listeners on window are added once.
 *
 * - The chooser: a native <select>, first on the page ([data-fb-helplines-choice]). Choosing a country
 *   hides every other country's lines, in the list by country and in every section's short list
 *   (where a country has no line, its fallback sentence is what shows), and says so in a status line.
 *   Nothing is kept and nothing is sent: the choice lives in the page until the reader leaves it.
 * - The plain card: one country's services and numbers printed alone, without the banner, the site's
 *   name, its address or a QR code. The card comes from a <template>; while it prints, the page's
 *   own content is hidden (helplines.css), the tab's title is neutral, and the page margins are zero,
 *   so the browser has no room to print its header and footer with the title and address.
 */
(function () {
  "use strict";

  var PRINTING = "data-fb-printing-card";

  function words(element) {
    try {
      return JSON.parse(element.getAttribute("data-fb-words") || "{}");
    } catch (error) {
      return {};
    }
  }

  function show(choice, code) {
    var page = choice.closest("article") || document;
    page.querySelectorAll("[data-fb-country]").forEach(function (part) {
      part.hidden = Boolean(code) && part.getAttribute("data-fb-country") !== code;
    });
    var select = choice.querySelector("[data-fb-helplines-select]");
    var option = select.options[select.selectedIndex];
    var said = words(choice);
    choice.querySelector("[data-fb-helplines-status]").textContent = code
      ? (said.helplines_showing || "").replace("{country}", option.textContent)
      : said.helplines_showing_all || "";
  }

  function endCard() {
    var card = document.querySelector("body > [data-fb-card-print]");
    if (card) card.remove();
    if (document.documentElement.hasAttribute(PRINTING)) {
      document.title = document.documentElement.getAttribute(PRINTING);
      document.documentElement.removeAttribute(PRINTING);
    }
  }

  function printCard(list, code) {
    var template = list.querySelector('template[data-fb-card="' + code + '"]');
    if (!template) return;
    endCard();
    var holder = document.createElement("div");
    holder.setAttribute("data-fb-card-print", "");
    holder.appendChild(template.content.cloneNode(true));
    document.body.appendChild(holder);
    document.documentElement.setAttribute(PRINTING, document.title);
    document.title = words(list).helplines_card_title || "";
    window.print();
  }

  // The stylesheet shows what needs the script where scripts run; a browser that does not know
  // that media feature gets it shown here. Nothing else changes on the page as it loads.
  var SHOWN_BY_CSS = Boolean(window.matchMedia && window.matchMedia("(scripting: enabled)").matches);

  function reveal(root) {
    if (SHOWN_BY_CSS) return;
    root.querySelectorAll(".fb-helplines__needs-script").forEach(function (part) {
      part.setAttribute("data-fb-shown", "");
    });
  }

  function setUp() {
    document.querySelectorAll("[data-fb-helplines-choice]:not([data-fb-helplines-ready])").forEach(function (choice) {
      var select = choice.querySelector("[data-fb-helplines-select]");
      select.addEventListener("change", function () {
        show(choice, select.value);
      });
      // A choice made before the script arrived (or kept by the browser's back button) applies now.
      if (select.value) show(choice, select.value);
      reveal(choice);
      choice.setAttribute("data-fb-helplines-ready", "");
    });
    document.querySelectorAll("[data-fb-helplines]:not([data-fb-helplines-ready])").forEach(function (list) {
      list.addEventListener("click", function (event) {
        var button = event.target.closest("[data-fb-helplines-card]");
        if (button) printCard(list, button.getAttribute("data-fb-helplines-card"));
      });
      reveal(list);
      list.setAttribute("data-fb-helplines-ready", "");
    });
  }

  if (!window.findingBalanceHelplines) {
    window.findingBalanceHelplines = { setUp: setUp, endCard: endCard };
    window.addEventListener("afterprint", endCard);
    if (window.document$) window.document$.subscribe(setUp);
  }
  setUp();
})();
