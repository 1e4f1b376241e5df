"""WebKit for the cross-browser tests (``browser_tabs.Tab``): WebKitGTK's MiniBrowser, driven by
Selenium through WebKitWebDriver, its window on a virtual screen (Xvfb) started for the session.

What WebKitGTK's driver cannot do, and how the tests make up for it:

- It reports no console messages or script errors (Selenium has no log for it, and it has no
  WebDriver BiDi): ``engine_errors`` is always empty, and every error comes from catch-errors.js,
  which the test server adds to each page (``browser_tabs``). The cross-browser tests check that it
  catches a thrown error, a rejected promise and a ``console.error`` in every engine.
- It has no user contexts: one window serves every test, and a new tab is that window with its
  cookies and storage emptied.
- A navigation that fails keeps the page it was leaving (no error page), and a script run while a
  navigation is pending waits for it to end: the quick-exit tests wait for the blanked page to stay.
- Its proxy capability speaks TLS to the proxy for https addresses, so the proxy is given to
  MiniBrowser as ``https_proxy`` and ``http_proxy`` instead, which it honours with plain CONNECT.
"""

from __future__ import annotations

import os
import shutil
import subprocess

from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from support.browser_tabs import CATCH_ERRORS_COOKIE, ORIGIN_PAGE, Engine, Tab
from support.outside_proxy import OutsideProxy

KEY_CODES = {
    "Tab": Keys.TAB,
    "Enter": Keys.ENTER,
    "Space": Keys.SPACE,
    "Shift": Keys.SHIFT,
    "ArrowDown": Keys.ARROW_DOWN,
    "Escape": Keys.ESCAPE,
}


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """A virtual screen on the first free display; return the process and its ``DISPLAY``."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        raise RuntimeError("No Xvfb: run the tests with 'make test', which installs Debian's xvfb package")
    read, write = os.pipe()
    command = [xvfb, "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"]
    process = subprocess.Popen(command, pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    # Xvfb writes the number, then a newline: read both, or its second write fails and it stops.
    number = b""
    try:
        while not number.endswith(b"\n") and (chunk := os.read(read, 32)):
            number += chunk
    finally:
        os.close(read)
    number = number.strip()
    if not number:
        process.kill()
        raise RuntimeError("Xvfb did not start")
    return process, f":{number.decode()}"


class WebKitTab(Tab):
    """The session's MiniBrowser window, emptied for this test."""

    engine = "webkit"
    failed_load_keeps_page = True

    def __init__(self, driver: webdriver.WebKitGTK) -> None:
        self.driver = driver

    def goto(self, url: str) -> None:
        self.driver.get(url)

    def _run(self, body: str) -> str:
        return self.driver.execute_script(body)

    def click(self, selector: str) -> None:
        self.driver.find_element(By.CSS_SELECTOR, selector).click()

    def press(self, key: str) -> None:
        code = KEY_CODES[key]
        ActionChains(self.driver).key_down(code).key_up(code).perform()

    def type(self, text: str) -> None:
        ActionChains(self.driver).send_keys(text).perform()

    def url(self) -> str:
        return self.driver.current_url

    def engine_errors(self) -> list[str]:
        """Always empty: WebKitGTK's driver has no log. ``caught_errors`` makes up for it."""
        return []

    def close(self) -> None:
        """Nothing to close: the next tab empties the window's storage."""


class WebKitEngine(Engine):
    """MiniBrowser (``binary``) under Xvfb, driven by WebKitWebDriver, every other host through ``proxy``."""

    name = "webkit"
    errors_from = "catch-errors.js in the page alone: WebKitGTK's driver reports no console or script error"

    def __init__(self, binary: str, proxy: OutsideProxy) -> None:
        driver_path = shutil.which("WebKitWebDriver")
        if driver_path is None:
            raise RuntimeError("No WebKitWebDriver: run the tests with 'make test' (Debian's webkit2gtk-driver)")
        self.xvfb, display = start_xvfb()
        try:
            options = webdriver.WebKitGTKOptions()
            options.binary_location = binary
            options.add_argument("--automation")
            through = f"http://{proxy.address}"
            env = {**os.environ, "DISPLAY": display, "http_proxy": through, "https_proxy": through}
            env["no_proxy"] = "127.0.0.1,localhost"
            service = webdriver.WebKitGTKService(executable_path=driver_path, env=env)
            self.driver = webdriver.WebKitGTK(options=options, service=service)
        except BaseException:
            self.xvfb.kill()
            self.xvfb.wait()
            raise

    def new_tab(self, base_url: str) -> Tab:
        self.driver.set_window_size(1280, 900)
        self.driver.get(base_url + ORIGIN_PAGE)
        self.driver.delete_all_cookies()
        self.driver.add_cookie({"name": CATCH_ERRORS_COOKIE, "value": "1", "path": "/"})
        self.driver.execute_script("localStorage.clear(); sessionStorage.clear();")
        return WebKitTab(self.driver)

    def close(self) -> None:
        try:
            self.driver.quit()
        finally:
            self.xvfb.terminate()
            self.xvfb.wait(10)
