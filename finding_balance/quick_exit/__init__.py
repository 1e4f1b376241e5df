"""The quick exit on every page (``partials/quick-exit.html``, ``assets/quick-exit.js``): one press or
Escape twice leaves for a neutral page; declared in ``feature``."""
