"""Printed handouts: each page's printout ends with its address and a QR code leading to it; the
encoder (``qr``), the codes kept between builds (``qr_cache``), the pass that puts a page's code in
place (``printout``) and the licence line (``settings``); declared in ``feature``."""
