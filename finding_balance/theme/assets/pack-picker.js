/* Finding Balance: the pack panel of the counsellors' list (partials/pack-picker.html).
 *
 * A tick box goes at the start of every item of the list (li[data-fb-pack-id]), named for screen
 * readers ("Add to the pack: {name}"). Each tick, and each change to the note, writes the pack's
 * address into the panel: the edition's pack page, "#", the ticked items in the list's order and the
 * note (pack-address.js). The count of ticked items is read out (aria-live). "Copy the pack's
 * address" puts it on the clipboard (stable-links.js's copy, the same as every "Copy link" button);
 * "Untick everything" starts again. Nothing is stored anywhere: no localStorage, sessionStorage or
 * cookie, and the boxes and the note start empty on every visit. Nothing is sent either: the address
 * changes in the page only.
 *
 * Page bundle "counsellors": loaded only on the counsellors' page; set up once, then for each page
 * through Material's document$, idempotent. The listeners are global and added once.
 */
(function () {
  "use strict";

  if (window.findingBalancePackPicker) return;

  function words(panel, name) {
    return panel.getAttribute("data-" + name) || "";
  }

  function textOf(element) {
    return element ? element.textContent.replace(/\s+/g, " ").trim() : "";
  }

  /* "Feeling safe to ask (Trust as the foundation)": many pages share section names ("In short"). */
  function nameOf(item) {
    var own = textOf(item.querySelector("a")) || item.getAttribute("data-fb-pack-id");
    var page = textOf(item.closest(".fb-directory__page") && item.closest(".fb-directory__page").querySelector("h3"));
    if (!page) return own;
    return item.getAttribute("data-fb-kind") === "page" ? page + " (" + own + ")" : own + " (" + page + ")";
  }

  function listOf(panel) {
    return panel.closest(".fb-directory");
  }

  function update(panel) {
    var address = window.findingBalancePackAddress;
    var ids = [];
    listOf(panel)
      .querySelectorAll("input[data-fb-pack-box]:checked")
      .forEach(function (box) {
        ids.push(box.value);
      });
    var note = panel.querySelector("[data-fb-pack-note]");
    var href = words(panel, "base") + (ids.length ? address.write(ids, note ? note.value : "") : "");
    var link = panel.querySelector("[data-fb-pack-link]");
    link.href = href;
    link.textContent = href;
    var count = panel.querySelector("[data-fb-pack-count]");
    var text = ids.length === 0 ? words(panel, "count-none") : ids.length === 1 ? words(panel, "count-one") : words(panel, "count");
    count.textContent = text.replace("{count}", String(ids.length));
    panel.querySelector("[data-fb-pack-copy]").disabled = ids.length === 0;
  }

  function addBox(panel, item) {
    var label = document.createElement("label");
    label.className = "fb-pack-pick";
    var box = document.createElement("input");
    box.type = "checkbox";
    box.value = item.getAttribute("data-fb-pack-id");
    box.setAttribute("data-fb-pack-box", "");
    var name = document.createElement("span");
    name.className = "fb-visually-hidden";
    name.textContent = words(panel, "pick").replace("{name}", nameOf(item));
    label.append(box, name);
    item.insertBefore(label, item.firstChild);
  }

  function setUp() {
    document.querySelectorAll("[data-fb-pack-picker]:not([data-fb-pack-ready])").forEach(function (panel) {
      if (!window.findingBalancePackAddress) return;
      listOf(panel)
        .querySelectorAll("li[data-fb-pack-id]")
        .forEach(function (item) {
          if (!item.querySelector("input[data-fb-pack-box]")) addBox(panel, item);
        });
      var note = panel.querySelector("[data-fb-pack-note]");
      if (note) {
        note.value = "";
        note.maxLength = window.findingBalancePackAddress.MAX_NOTE;
      }
      update(panel);
      panel.hidden = false;
      panel.setAttribute("data-fb-pack-ready", "");
    });
  }

  function panelFor(element) {
    var list = element.closest(".fb-directory");
    return list && list.querySelector("[data-fb-pack-picker][data-fb-pack-ready]");
  }

  document.addEventListener("change", function (event) {
    var box = event.target instanceof Element ? event.target.closest("input[data-fb-pack-box]") : null;
    var panel = box && panelFor(box);
    if (panel) update(panel);
  });

  document.addEventListener("input", function (event) {
    var note = event.target instanceof Element ? event.target.closest("[data-fb-pack-note]") : null;
    var panel = note && panelFor(note);
    if (panel) update(panel);
  });

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    var copy = target && target.closest("[data-fb-pack-copy]");
    var clear = target && target.closest("[data-fb-pack-clear]");
    var panel = (copy || clear) && panelFor(copy || clear);
    if (!panel) return;
    var status = panel.querySelector("[data-fb-pack-copied]");
    if (clear) {
      listOf(panel)
        .querySelectorAll("input[data-fb-pack-box]:checked")
        .forEach(function (box) {
          box.checked = false;
        });
      update(panel);
      if (status) status.textContent = "";
      return;
    }
    var address = panel.querySelector("[data-fb-pack-link]").href;
    var links = window.findingBalanceLinks;
    var failed = function () {
      var holder = document.getElementById("fb-copy-link");
      var text = (holder && holder.getAttribute("data-announce-failed")) || "{address}";
      if (status) status.textContent = text.replace("{address}", address);
    };
    if (!links || !links.copy) {
      failed();
      return;
    }
    links.copy(address).then(function () {
      if (status) status.textContent = words(panel, "copied");
    }, failed);
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }

  window.findingBalancePackPicker = { setUp: setUp };
})();
