/* Finding Balance: keyboard access where the theme offers only a mouse or finger.
 *
 * 1. Material's menu button on narrow screens is a <label> for a hidden checkbox, which a keyboard
 *    cannot reach. It becomes a real <button>: Enter or Space opens the menu and moves focus to its
 *    first link; Escape closes it and returns focus to the button. The header is not replaced by
 *    instant navigation, so this runs once.
 * 2. A table too wide for the screen scrolls sideways inside its wrapper; the wrapper gets a tab stop
 *    so a keyboard can scroll it too. Page content is replaced by instant navigation, so this runs
 *    for every page (document$) and again when the window is resized.
 */
(function () {
  "use strict";

  function keyboardMenu() {
    var toggle = document.getElementById("__drawer");
    var label = document.querySelector('.md-header label[for="__drawer"]');
    var drawer = document.querySelector(".md-sidebar--primary");
    if (!toggle || !label || !drawer) return;

    var nav = drawer.querySelector("nav[aria-label]");
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " fb-menu-button";
    button.setAttribute("aria-label", nav ? nav.getAttribute("aria-label") : "Navigation");
    button.append.apply(button, Array.from(label.childNodes));
    label.replaceWith(button);

    function showState() {
      button.setAttribute("aria-expanded", String(toggle.checked));
    }
    showState();
    // Material opens and closes the drawer by clicking the checkbox, so "change" always fires.
    toggle.addEventListener("change", showState);

    button.addEventListener("click", function (event) {
      toggle.click();
      // detail 0: activated by keyboard, so take the keyboard into the menu.
      if (toggle.checked && event.detail === 0) {
        var first = drawer.querySelector("a[href]");
        if (first) first.focus();
      }
    });

    document.addEventListener("keydown", function (event) {
      var inMenu = drawer.contains(document.activeElement) || document.activeElement === button;
      if (event.key === "Escape" && toggle.checked && inMenu) {
        toggle.click();
        button.focus();
      }
    });
  }

  function scrollableTables() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrapper) {
      if (wrapper.scrollWidth > wrapper.clientWidth) {
        wrapper.setAttribute("tabindex", "0");
      } else {
        wrapper.removeAttribute("tabindex");
      }
    });
  }

  keyboardMenu();
  if (window.document$) {
    window.document$.subscribe(scrollableTables);
  } else {
    scrollableTables();
  }
  window.addEventListener("resize", scrollableTables);
})();
