"""The quick exit on every page (``partials/quick-exit.html``, ``assets/quick-exit.js``): its button, or Shift
pressed three times, leaves for a neutral page; its setting (``settings``), declared in ``feature``."""
