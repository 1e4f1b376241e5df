"""The site in several languages, as a reader finds it: the list of editions (``settings``), the
language switcher's assets and each page's twins in the other editions, in the sitemap (``sitemap``);
declared in ``feature``. Reading an edition's config is the core's (``finding_balance.editions``)."""
