/* Finding Balance: the pack page (pack.html, docs/pack.md).
 *
 * Reads the pack from the address's fragment (pack-address.js) and the items the build wrote into the
 * page (JSON in data-fb-pack-data, finding_balance/counsellors/packs.py), then lists the pack's items in order:
 * each a copy of <template id="fb-pack-item"> with its title as a link, its kind, its one-line
 * summary, its reading time and its full address, all filled in as text. The note, if there is one,
 * is shown as text too. An id the data does not have (unknown, tampered with, a path trick, markup)
 * is skipped and counted in one calm line; nothing from the address ever becomes markup, a link or
 * code: links and addresses come only from the build's data. An old anchor (extra.anchor_redirects)
 * leads to its new item.
 *
 * For print: the pack's own address (this page, "#", the items found and the note) under the list,
 * with a QR code made here in the browser by the vendored lean-qr (assets/vendor/lean-qr, loaded
 * only from this page, the first time a pack is shown). "Print this pack" prints once the code is
 * there. Nothing is stored and nothing is sent: the fragment stays in the browser.
 *
 * Page bundle "pack": loaded only on the pack page, and run again by the theme after each instant
 * navigation to it; set up once, then for each page through Material's document$ and on every
 * change of the fragment, idempotent.
 */
(function () {
  "use strict";

  if (window.findingBalancePack) return;

  var SCRIPT = document.currentScript ? document.currentScript.src : window.location.href;
  var ENCODER = "vendor/lean-qr/lean-qr.js";
  var encoder = null;

  function loadEncoder() {
    if (!encoder) encoder = import(new URL(ENCODER, SCRIPT).href);
    return encoder;
  }

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  function readData() {
    var holder = document.querySelector("[data-fb-pack-data]");
    try {
      var data = JSON.parse(holder ? holder.getAttribute("data-fb-pack-data") : "");
      if (data && typeof data.items === "object" && typeof data.aliases === "object") return data;
    } catch (error) {
      /* an empty or broken block: every item is unknown */
    }
    return { items: {}, aliases: {} };
  }

  /* An address the build wrote, or nothing: never a javascript: or data: link. */
  function safeAddress(address) {
    try {
      var url = new URL(String(address), window.location.href);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : "";
    } catch (error) {
      return "";
    }
  }

  function word(pack, name, values) {
    return (pack.getAttribute("data-" + name) || "").replace(/\{(page|kind|minutes|count)\}/g, function (match, key) {
      return has(values || {}, key) ? String(values[key]) : match;
    });
  }

  function kindLine(pack, item) {
    if (item.kind === "section") return word(pack, "section", { page: item.page });
    if (item.kind === "quiz") {
      var kind = pack.getAttribute("data-kind-" + item.quiz) || String(item.quiz);
      return word(pack, "quiz", { page: item.page, kind: kind });
    }
    return word(pack, "page");
  }

  function itemElement(pack, item) {
    var template = document.getElementById("fb-pack-item");
    var element = template.content.querySelector("li").cloneNode(true);
    var link = element.querySelector("[data-fb-pack-item-link]");
    var address = safeAddress(item.address);
    link.textContent = String(item.title);
    if (address) link.href = address;
    element.querySelector("[data-fb-pack-item-kind]").textContent = kindLine(pack, item);
    element.querySelector("[data-fb-pack-item-summary]").textContent = String(item.summary || "");
    var minutes = Number(item.minutes) || 1;
    element.querySelector("[data-fb-pack-item-time]").textContent =
      minutes === 1 ? word(pack, "reading-time-one") : word(pack, "reading-time", { minutes: minutes });
    element.querySelector("[data-fb-pack-item-address]").textContent = address;
    return element;
  }

  function showCode(handout, address) {
    handout.removeAttribute("data-fb-pack-qr-ready");
    var old = handout.querySelector("img");
    if (old) old.remove();
    return loadEncoder()
      .then(function (qr) {
        if (handout.getAttribute("data-fb-pack-for") !== address) return;
        var image = document.createElement("img");
        image.className = "fb-pack-handout__qr";
        image.alt = handout.getAttribute("data-qr-alt") || "";
        var code = qr.generate(address, { minCorrectionLevel: qr.correction.M });
        image.src = code.toDataURL({ type: "image/png", scale: 8, padX: 4, padY: 4 });
        handout.insertBefore(image, handout.firstChild);
        handout.setAttribute("data-fb-pack-qr-ready", "");
      })
      .catch(function () {
        handout.setAttribute("data-fb-pack-qr-ready", "failed");
      });
  }

  function render(pack) {
    var data = readData();
    var read = window.findingBalancePackAddress.read(window.location.hash);
    var list = pack.querySelector("[data-fb-pack-items]");
    var found = [];
    var skipped = read.unreadable;
    list.textContent = "";
    read.ids.forEach(function (id) {
      var key = has(data.aliases, id) ? String(data.aliases[id]) : id;
      if (!has(data.items, key) || found.indexOf(key) !== -1) {
        if (found.indexOf(key) === -1) skipped += 1;
        return;
      }
      found.push(key);
      list.appendChild(itemElement(pack, data.items[key]));
    });

    var note = pack.querySelector("[data-fb-pack-note]");
    note.querySelector("[data-fb-pack-note-text]").textContent = read.note;
    note.hidden = !read.note;

    var status = pack.querySelector("[data-fb-pack-status]");
    if (skipped) status.textContent = skipped === 1 ? word(pack, "skipped-one") : word(pack, "skipped", { count: skipped });
    else status.textContent = found.length ? "" : word(pack, "empty");
    status.hidden = !status.textContent;

    var handout = pack.querySelector("[data-fb-pack-handout]");
    var actions = pack.querySelector("[data-fb-pack-actions]");
    var address = window.location.origin + window.location.pathname;
    if (found.length) address += window.findingBalancePackAddress.write(found, read.note);
    pack.querySelector("[data-fb-pack-address]").textContent = address;
    handout.setAttribute("data-fb-pack-for", address);
    handout.hidden = !found.length;
    actions.hidden = !found.length;
    if (found.length) showCode(handout, address);
  }

  function setUp() {
    document.querySelectorAll("[data-fb-pack]").forEach(function (pack) {
      if (!window.findingBalancePackAddress) return;
      // Drawn again only for a new fragment (the same page, another pack).
      if (pack.getAttribute("data-fb-pack-ready") === window.location.hash) return;
      render(pack);
      pack.setAttribute("data-fb-pack-ready", window.location.hash);
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element ? event.target.closest("[data-fb-pack-print]") : null;
    var pack = button && button.closest("[data-fb-pack]");
    if (!pack) return;
    var handout = pack.querySelector("[data-fb-pack-handout]");
    var address = handout.getAttribute("data-fb-pack-for") || "";
    var ready = handout.hasAttribute("data-fb-pack-qr-ready") ? Promise.resolve() : showCode(handout, address);
    ready.then(function () {
      window.print();
    });
  });

  window.addEventListener("hashchange", setUp);

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }

  window.findingBalancePack = { setUp: setUp };
})();
