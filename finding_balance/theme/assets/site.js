/* Finding Balance: keyboard access where the theme offers only a mouse or finger.
 *
 * 1. Material's menu button on narrow screens is a <label> for a hidden checkbox, which a keyboard
 *    cannot reach. It becomes a real <button>: Enter or Space opens the menu and moves focus to its
 *    first link; Escape closes it and returns focus to the button. The header is not replaced by
 *    instant navigation, so this runs once.
 * 1b. The same for the search button on screens narrower than 960 px: a <button> named like the
 *    theme's search field, which opens the search and puts the keyboard in the field; Escape closes
 *    it and returns focus to the button. The closed search field itself is out of the tab order there
 *    (site.css), so Tab no longer lands in an invisible field.
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

  function keyboardSearch() {
    var toggle = document.getElementById("__search");
    var label = document.querySelector('.md-header label[for="__search"]');
    var input = document.querySelector(".md-search__input");
    if (!toggle || !label || !input) return;

    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " fb-search-button";
    button.setAttribute("aria-label", input.getAttribute("aria-label") || input.getAttribute("placeholder") || "");
    button.append.apply(button, Array.from(label.childNodes));
    label.replaceWith(button);

    button.addEventListener("click", function () {
      if (!toggle.checked) toggle.click();
      input.focus();
    });

    // The theme closes the search on Escape and lets go of the field; the keyboard goes back to the
    // button, where it came from (not on Tab, which moves on as usual).
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !toggle.checked || !input.closest(".md-search").contains(document.activeElement)) return;
      window.setTimeout(function () {
        if (!toggle.checked && button.offsetParent !== null) button.focus();
      }, 0);
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
  keyboardSearch();
  if (window.document$) {
    window.document$.subscribe(scrollableTables);
  } else {
    scrollableTables();
  }
  window.addEventListener("resize", scrollableTables);
})();
