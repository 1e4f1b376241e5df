"""The disclaimer banner on every page (``partials/disclaimer.html``) and the header band below it
(``partials/header.html``: the site's short name on small screens): their settings (``settings``),
declared in ``feature``."""
