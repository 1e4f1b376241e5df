/* Finding Balance: the address of a counsellor's pack, written and read (page bundles "counsellors"
 * and "pack"). Kept in one place so that the pack panel (pack-picker.js) and the pack page (pack.js)
 * always agree.
 *
 * A pack lives in the fragment alone (never a query string: browsers do not send the fragment to any
 * server): "#" + the items, separated by "," + optionally ";note=" and the note. An item is a page id
 * (its Markdown file without ".md": "trust") or a page id, ":" and one of its anchors
 * ("trust:feeling-safe-to-ask"); the ids are the same in every edition. Anything outside letters,
 * digits and "-_.!~*'()" is percent-encoded (the "/" of a page in a folder stays as it is), so that
 * "," ";" and ":" only ever separate. Reading is forgiving: a part that cannot be decoded is counted
 * as unreadable, never thrown; at most MAX_ITEMS items and MAX_NOTE characters of note are read.
 */
(function () {
  "use strict";

  if (window.findingBalancePackAddress) return;

  var MAX_ITEMS = 60;
  var MAX_NOTE = 200;
  var NOTE = "note=";

  function encodeId(id) {
    var colon = id.indexOf(":");
    var page = colon === -1 ? id : id.slice(0, colon);
    var text = encodeURIComponent(page).replace(/%2F/g, "/");
    return colon === -1 ? text : text + ":" + encodeURIComponent(id.slice(colon + 1));
  }

  function decode(text) {
    try {
      return decodeURIComponent(text);
    } catch (error) {
      return null;
    }
  }

  /* The fragment ("#...") of a pack of ids, in the order given, with its note (may be empty). */
  function write(ids, note) {
    var fragment = "#" + ids.map(encodeId).join(",");
    note = String(note || "").trim().slice(0, MAX_NOTE);
    return note ? fragment + ";" + NOTE + encodeURIComponent(note) : fragment;
  }

  /* What a fragment holds: {ids, note, unreadable}; ids in order, each once. */
  function read(hash) {
    var text = String(hash || "").replace(/^#/, "");
    var cut = text.indexOf(";");
    var notePart = cut === -1 ? "" : text.slice(cut + 1);
    var itemsPart = cut === -1 ? text : text.slice(0, cut);
    var ids = [];
    var unreadable = 0;
    itemsPart.split(",").forEach(function (part) {
      if (!part) return;
      if (ids.length >= MAX_ITEMS) {
        unreadable += 1;
        return;
      }
      var colon = part.indexOf(":");
      var page = decode(colon === -1 ? part : part.slice(0, colon));
      var anchor = colon === -1 ? "" : decode(part.slice(colon + 1));
      if (page === null || anchor === null || !page) {
        unreadable += 1;
        return;
      }
      var id = anchor ? page + ":" + anchor : page;
      if (ids.indexOf(id) === -1) ids.push(id);
    });
    var note = "";
    if (notePart.indexOf(NOTE) === 0) note = decode(notePart.slice(NOTE.length)) || "";
    return { ids: ids, note: note.trim().slice(0, MAX_NOTE), unreadable: unreadable };
  }

  window.findingBalancePackAddress = { write: write, read: read, MAX_NOTE: MAX_NOTE };
})();
