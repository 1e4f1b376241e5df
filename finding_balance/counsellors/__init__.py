"""The counsellors' tools: the list of every page, section and quiz (``directory``), the pack ids
(``pack_ids``) and the pack page's data (``packs``); declared in ``feature``."""
