"""The site's languages as the build composes them: the list of editions (``extra.editions``), the
language switcher's stylesheet and script, and each edition's addresses in the sitemap.

Declared for the registry (``finding_balance.registry``), under every engine.
"""

from __future__ import annotations

from finding_balance.errors import AuthorError
from finding_balance.feature import Feature, as_written
from finding_balance.languages.settings import validate_editions
from finding_balance.languages.sitemap import SitemapError, write_alternates
from finding_balance.site.built import BuiltSite


def language_alternates(finisher: BuiltSite) -> None:
    """Each edition's addresses in the sitemap (``sitemap``)."""
    context = finisher.context
    language = str(context.extra.get("language") or "en")
    try:
        write_alternates(context.site_dir, context.site_url, language, context.extra.get("editions") or [])
    except SitemapError as error:
        raise AuthorError([f"sitemap.xml: {error}"]) from None


FEATURE = Feature(
    "languages",
    settings=(("editions", as_written(validate_editions)),),
    styles=("language.css",),
    scripts=("language.js",),
    site_passes=(language_alternates,),
)
