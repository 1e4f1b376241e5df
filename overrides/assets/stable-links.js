/* Finding Balance: "Copy link" buttons, and old anchors that moved to another page.
 *
 * - A "Copy link" button beside each section heading (h2 to h6 with an id, in the article), beside
 *   each quiz title (it copies the quiz's #quiz-<id> address), and in each item with
 *   data-fb-copy-url (the counsellors' list). It puts the full address on the clipboard and says so
 *   through the polite live region of the page. The buttons are made here: without JavaScript there
 *   is no dead button, and the heading's permalink sign still leads to the section.
 * - An old anchor kept by hooks/stable_links.py for a section that moved to another page: when the
 *   address names it, location.replace() goes to the new place.
 *
 * Set up once per page view through Material's document$ (instant navigation), idempotent; the
 * click listener is global and added once.
 */
(function () {
  "use strict";

  if (window.findingBalanceLinks) return;

  var WORDING = {
    button: "Copy link",
    heading: "to the section: ",
    quiz: "to the quiz: ",
    item: "to: ",
    copied: "Link copied",
    notCopied: "Not copied",
    announceCopied: "Link copied: ",
    failed: "The link could not be copied. Here it is to copy by hand: ",
  };
  var SHOW_OUTCOME_MS = 2500;
  var HEADINGS = "h2[id], h3[id], h4[id], h5[id], h6[id]";

  function announce(message) {
    var region = document.querySelector("[data-fb-announcer]");
    if (!region) return;
    // Emptied first, so the same message twice in a row is read out twice.
    region.textContent = "";
    window.setTimeout(function () {
      region.textContent = message;
    }, 100);
  }

  function addressOf(anchor) {
    var address = new URL(window.location.href);
    address.hash = anchor;
    return address.href;
  }

  function textOf(element) {
    var copy = element.cloneNode(true);
    copy.querySelectorAll(".headerlink, .fb-copy-link").forEach(function (node) {
      node.remove();
    });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function makeButton(address, what, name) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "fb-copy-link";
    button.setAttribute("data-fb-copy", address);
    button.setAttribute("data-fb-copy-name", name);
    var label = document.createElement("span");
    label.className = "fb-copy-link__label";
    label.textContent = WORDING.button;
    var context = document.createElement("span");
    context.className = "fb-visually-hidden";
    context.textContent = " " + what + name;
    button.appendChild(label);
    button.appendChild(context);
    return button;
  }

  /* The heading and its button side by side, the button after the heading in reading order. */
  function besideHeading(heading, button) {
    var row = document.createElement("div");
    row.className = "fb-linkable fb-linkable--" + heading.tagName.toLowerCase();
    heading.parentNode.insertBefore(row, heading);
    row.appendChild(heading);
    row.appendChild(button);
  }

  function setUp() {
    var article = document.querySelector("article.md-content__inner");
    if (!article) return;
    article.querySelectorAll(HEADINGS).forEach(function (heading) {
      if (heading.closest(".fb-quiz") || heading.closest(".fb-linkable")) return;
      besideHeading(heading, makeButton(addressOf(heading.id), WORDING.heading, textOf(heading)));
    });
    article.querySelectorAll("section.fb-quiz[id]").forEach(function (quiz) {
      var title = quiz.querySelector(".fb-quiz__title");
      if (!title || title.closest(".fb-linkable")) return;
      besideHeading(title, makeButton(addressOf(quiz.id), WORDING.quiz, textOf(title)));
    });
    article.querySelectorAll("[data-fb-copy-url]").forEach(function (item) {
      if (item.querySelector(".fb-copy-link")) return;
      var link = item.querySelector("a");
      var name = link ? textOf(link) : item.getAttribute("data-fb-copy-url");
      item.appendChild(makeButton(item.getAttribute("data-fb-copy-url"), WORDING.item, name));
    });
  }

  function followMovedAnchor() {
    var anchor = decodeURIComponent(window.location.hash.slice(1));
    var old = anchor ? document.getElementById(anchor) : null;
    var target = old && old.getAttribute("data-fb-moved-to");
    // Moved within the page: the old anchor sits right before the new one, the browser is there.
    if (!target || target.charAt(0) === "#") return;
    window.location.replace(new URL(target, window.location.href).href);
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var box = document.createElement("textarea");
      box.className = "fb-visually-hidden";
      box.value = text;
      box.setAttribute("readonly", "");
      document.body.appendChild(box);
      box.select();
      var done = false;
      try {
        done = document.execCommand("copy");
      } catch (error) {
        done = false;
      }
      box.remove();
      if (done) resolve();
      else reject(new Error("copy failed"));
    });
  }

  /* For a moment, the button says what happened. */
  function showOutcome(button, text) {
    var label = button.querySelector(".fb-copy-link__label");
    if (!label) return;
    label.textContent = text;
    button.setAttribute("data-fb-copied", "");
    window.setTimeout(function () {
      label.textContent = WORDING.button;
      button.removeAttribute("data-fb-copied");
    }, SHOW_OUTCOME_MS);
  }

  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element ? event.target.closest("button.fb-copy-link") : null;
    if (!button) return;
    var address = button.getAttribute("data-fb-copy");
    copyText(address).then(
      function () {
        showOutcome(button, WORDING.copied);
        announce(WORDING.announceCopied + button.getAttribute("data-fb-copy-name"));
      },
      function () {
        showOutcome(button, WORDING.notCopied);
        announce(WORDING.failed + address);
      }
    );
  });

  window.addEventListener("hashchange", followMovedAnchor);

  function onEachPage() {
    followMovedAnchor();
    setUp();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(onEachPage);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", onEachPage);
  } else {
    onEachPage();
  }

  window.findingBalanceLinks = { setUp: setUp };
})();
