"""What a page may load: the Content Security Policy of every page (``csp``) and the hosts' security
headers (``headers``); declared in ``feature``."""
