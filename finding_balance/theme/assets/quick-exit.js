/* Finding Balance: quick exit ("Leave this site"), modelled on GOV.UK's "Exit this page".
 *
 * Markup: partials/quick-exit.html. Without this script the button and the skip link are
 * plain links to the neutral page. With it, the button, the skip link, or Shift pressed three times
 * in a row (each press within 5 seconds of the last, no other key between, not while typing in a
 * text box) leave at once: the page is blanked, quiz answers are cleared from memory and from storage
 * (findingBalanceQuizzes.clearAll, in quiz.js), the tab title is neutralised, and location.replace()
 * opens the neutral page in place of this one, so Back does not return to it. Each counted press is
 * announced through the polite live region ("Press Shift 1 more time...").
 *
 * The markup sits in the header, which Material's instant navigation keeps, so the listeners are
 * added once, here, and the elements are looked up when they are needed.
 */
(function () {
  "use strict";

  if (window.findingBalanceQuickExit) return;

  var PRESSES = 3;
  var WAIT_MS = 5000;
  var LIGHT_ON = "\u25CF";
  var LIGHT_OFF = "\u25CB";

  var count = 0;
  var timer = null;
  var shiftUsedWithAnotherKey = false;
  var titleBefore = null;
  var overlay = null;

  function root() {
    return document.querySelector("[data-fb-quick-exit-root]");
  }

  function wording(name) {
    var element = root();
    return (element && element.getAttribute("data-" + name)) || "";
  }

  function neutralAddress() {
    var link = document.querySelector("a[data-fb-quick-exit]");
    return link ? link.href : "";
  }

  function announce(message) {
    var region = document.querySelector("[data-fb-announcer]");
    if (region) region.textContent = message;
  }

  function showPresses(presses) {
    var lights = document.querySelector("[data-fb-quick-exit-presses]");
    if (!lights) return;
    var text = "";
    if (presses > 0) {
      for (var index = 0; index < PRESSES; index += 1) text += index < presses ? LIGHT_ON : LIGHT_OFF;
    }
    lights.textContent = text;
  }

  function reset() {
    count = 0;
    if (timer) window.clearTimeout(timer);
    timer = null;
    showPresses(0);
  }

  function leave() {
    var address = neutralAddress();
    if (!address) return;
    reset();
    // Blank the page first: nothing of it may stay on screen while the neutral page loads.
    document.documentElement.classList.add("fb-quick-exit-leaving");
    overlay = document.createElement("div");
    overlay.className = "fb-quick-exit-overlay";
    overlay.setAttribute("role", "alert");
    document.body.appendChild(overlay);
    overlay.textContent = wording("leaving");
    if (titleBefore === null) titleBefore = document.title;
    document.title = wording("tab-title");
    try {
      if (window.findingBalanceQuizzes) window.findingBalanceQuizzes.clearAll();
    } catch (error) {
      /* Never let a quiz problem keep the reader here. */
    }
    window.location.replace(address);
  }

  /* Text boxes take Shift as part of what is typed: it never counts there. */
  function isTyping(target) {
    if (!(target instanceof Element)) return false;
    if (target.isContentEditable || target.tagName === "TEXTAREA" || target.tagName === "SELECT") return true;
    if (target.tagName !== "INPUT") return false;
    var notText = ["button", "checkbox", "color", "file", "image", "radio", "range", "reset", "submit"];
    return notText.indexOf(String(target.type).toLowerCase()) === -1;
  }

  document.addEventListener(
    "keydown",
    function (event) {
      if (event.key === "Shift") {
        if (!event.repeat) shiftUsedWithAnotherKey = false;
        return;
      }
      // Any other key: Shift is a modifier this time, and the run of presses is broken.
      if (event.shiftKey) shiftUsedWithAnotherKey = true;
      if (count) {
        reset();
        announce("");
      }
    },
    true
  );

  document.addEventListener(
    "keyup",
    function (event) {
      if (event.key !== "Shift") return;
      var counts = !shiftUsedWithAnotherKey && !event.ctrlKey && !event.altKey && !event.metaKey;
      shiftUsedWithAnotherKey = false;
      if (!counts || isTyping(event.target)) return;
      count += 1;
      if (timer) window.clearTimeout(timer);
      if (count >= PRESSES) {
        leave();
        return;
      }
      showPresses(count);
      announce(wording(count === 1 ? "press-two-more" : "press-one-more"));
      timer = window.setTimeout(function () {
        reset();
        announce("");
      }, WAIT_MS);
    },
    true
  );

  document.addEventListener(
    "click",
    function (event) {
      var link = event.target instanceof Element ? event.target.closest("a[data-fb-quick-exit]") : null;
      if (!link) return;
      // A click with a modifier asks for a new tab or window: let the browser do that.
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      leave();
    },
    true
  );

  /* A browser that restores this page from its cache (after the neutral page failed to load, say)
     shows it usable again, not blank. */
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    document.documentElement.classList.remove("fb-quick-exit-leaving");
    if (overlay) overlay.remove();
    overlay = null;
    if (titleBefore !== null) document.title = titleBefore;
    reset();
    announce("");
  });

  window.findingBalanceQuickExit = { leave: leave };
})();
