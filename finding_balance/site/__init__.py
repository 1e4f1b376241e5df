"""The finishing of a built site, the same under every engine: each page cut once (``page``), the
features' passes over it and over the site (``finish``, from ``finding_balance.registry``), what
they share (``built``), our CSS/JS bundles (``bundle``) and the second core (``parallel``)."""
