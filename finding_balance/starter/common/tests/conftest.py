"""The site built once for the test session and served, and a Chromium: fixtures from the package."""

pytest_plugins = ["finding_balance.gates.plugin"]
