/* Finding Balance: "Copy link" buttons, and old anchors that moved to another page.
 *
 * - A "Copy link" button (a small link symbol) beside each section heading and each quiz title (in
 *   the rows .fb-linkable[data-fb-copy-anchor] that the build makes, with room kept for the button),
 *   and in each item with data-fb-copy-url (the counsellors' list). It puts the full address on the
 *   clipboard, shows a tick and a short note for a moment, and says so through the polite live
 *   region of the page. The buttons are copies of the <template id="fb-copy-link">
 *   (partials/stable-links.html), which also carries the wording (extra.copy_link). Names
 *   are filled in as text, never as markup. Without JavaScript there is no dead button, and the
 *   heading's permalink sign still leads to the section.
 * - An old anchor kept by finding_balance/anchors/old_anchors.py for a section that moved to another page: when the
 *   address names it, location.replace() goes to the new place.
 *
 * Set up once per page view through Material's document$ (instant navigation), idempotent; the
 * click listener is global and added once. Its copy to the clipboard is shared with the pack panel of
 * the counsellors' list (window.findingBalanceLinks.copy).
 */
(function () {
  "use strict";

  if (window.findingBalanceLinks) return;

  var SHOW_OUTCOME_MS = 2500;
  var HEADINGS = "h2, h3, h4, h5, h6";

  function template() {
    return document.getElementById("fb-copy-link");
  }

  function wording(name) {
    var holder = template();
    return (holder && holder.getAttribute("data-" + name)) || "";
  }

  /* The wording with {name} and {address} filled in, as plain text. */
  function fill(text, values) {
    return String(text).replace(/\{(name|address)\}/g, function (match, key) {
      return key in values ? values[key] : match;
    });
  }

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

  function makeButton(address, kind, name) {
    var holder = template();
    var button = holder && holder.content.querySelector(".fb-copy-link");
    if (!button) return null;
    button = button.cloneNode(true);
    button.setAttribute("data-fb-copy", address);
    button.setAttribute("data-fb-copy-name", name);
    button.querySelector("[data-fb-copy-label]").textContent = fill(wording(kind), { name: name });
    return button;
  }

  function setUp() {
    var article = document.querySelector("article.md-content__inner");
    if (!article || !template()) return;
    article.querySelectorAll(".fb-linkable[data-fb-copy-anchor]").forEach(function (row) {
      var heading = row.querySelector(HEADINGS);
      if (!heading || row.querySelector(".fb-copy-link")) return;
      var kind = row.getAttribute("data-fb-copy-kind") === "quiz" ? "quiz" : "section";
      var button = makeButton(addressOf(row.getAttribute("data-fb-copy-anchor")), kind, textOf(heading));
      if (button) row.appendChild(button);
    });
    article.querySelectorAll("[data-fb-copy-url]").forEach(function (item) {
      if (item.querySelector(".fb-copy-link")) return;
      var link = item.querySelector("a");
      var name = link ? textOf(link) : item.getAttribute("data-fb-copy-url");
      var button = makeButton(item.getAttribute("data-fb-copy-url"), "item", name);
      if (button) item.appendChild(button);
    });
  }

  function followMovedAnchor() {
    var anchor = "";
    try {
      anchor = decodeURIComponent(window.location.hash.slice(1));
    } catch (error) {
      return; // not an anchor of this site (a broken %-escape): nothing moved there
    }
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

  /* For a moment, the button shows a tick (or not) and a short note beside it. */
  function showOutcome(button, copied) {
    var note = button.querySelector("[data-fb-copy-note]");
    if (note) note.textContent = wording(copied ? "copied" : "not-copied");
    button.setAttribute("data-fb-copied", copied ? "yes" : "no");
    window.clearTimeout(Number(button.getAttribute("data-fb-copy-timer")));
    var timer = window.setTimeout(function () {
      if (note) note.textContent = "";
      button.removeAttribute("data-fb-copied");
    }, SHOW_OUTCOME_MS);
    button.setAttribute("data-fb-copy-timer", String(timer));
  }

  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element ? event.target.closest("button.fb-copy-link") : null;
    if (!button) return;
    var address = button.getAttribute("data-fb-copy");
    var name = button.getAttribute("data-fb-copy-name");
    copyText(address).then(
      function () {
        showOutcome(button, true);
        announce(fill(wording("announce-copied"), { name: name, address: address }));
      },
      function () {
        showOutcome(button, false);
        announce(fill(wording("announce-failed"), { name: name, address: address }));
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

  window.findingBalanceLinks = { setUp: setUp, copy: copyText };
})();
