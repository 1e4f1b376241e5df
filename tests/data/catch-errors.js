/* Test only: keeps the script errors of a page in sessionStorage ("fb-test-errors"), for the
 * cross-browser tests (tests/support/browser_tabs.py). WebKitGTK's driver reports no console messages or
 * errors, so in WebKit this is the only way to see them; it runs in every engine.
 *
 * Never part of the site: the test server (tests/support/sitebuild.py) adds it as <script src> right after
 * each page's Content-Security-Policy meta tag, and only for a browser that sends the cookie
 * "fb-test-catch-errors". It comes from the site's own address, so the page's policy ('self')
 * allows it as it stands, and it runs before any other script of the page.
 */
(function () {
  "use strict";

  var KEY = "fb-test-errors";
  // Once the page is being left, a fetch it had started fails as it goes (WebKit reports Material's
  // as "Network error", or as a NotReadableError from the body it was reading, and then a
  // ResizeObserver loop): no reader sees that page any more, so it is not kept. WebKit may stop those
  // fetches as soon as the navigation starts, before "pagehide": leaving starts at "beforeunload",
  // and ends if the page is still there two seconds later (a download, a cancelled navigation).
  var leaving = false;
  window.addEventListener("beforeunload", function () {
    leaving = true;
    setTimeout(function () {
      leaving = false;
    }, 2000);
  });
  window.addEventListener("pagehide", function () {
    leaving = true;
  });

  function keep(text) {
    if (leaving) return;
    try {
      var list = JSON.parse(sessionStorage.getItem(KEY) || "[]");
      list.push(location.pathname + ": " + text);
      sessionStorage.setItem(KEY, JSON.stringify(list));
    } catch (error) {
      /* Storage refused: nothing to keep it in. */
    }
  }

  window.addEventListener(
    "error",
    function (event) {
      if (event instanceof ErrorEvent) {
        keep("uncaught " + event.message + " (" + event.filename + ":" + event.lineno + ")");
      } else if (event.target instanceof Element) {
        keep("could not load <" + event.target.tagName.toLowerCase() + "> " + (event.target.src || event.target.href));
      }
    },
    true
  );
  window.addEventListener("unhandledrejection", function (event) {
    keep("unhandled rejection: " + (event.reason && event.reason.message ? event.reason.message : event.reason));
  });
  document.addEventListener("securitypolicyviolation", function (event) {
    keep("Content Security Policy: " + event.violatedDirective + " blocked " + (event.blockedURI || "inline code"));
  });
  var consoleError = console.error;
  console.error = function () {
    keep("console.error: " + Array.prototype.map.call(arguments, String).join(" "));
    return consoleError.apply(console, arguments);
  };
})();
