"""Our CSS and JS served as one minified file each."""

from __future__ import annotations

from pathlib import Path

from finding_balance.site.bundle import (
    BUNDLE_CSS,
    BUNDLE_JS,
    CSS_SOURCES,
    JS_SOURCES,
    PAGE_BUNDLES,
    VENDORED,
    bundle_css,
    bundle_js,
    page_bundle,
    sources,
    write_bundles,
)


def test_scripts_are_minified_and_kept_apart() -> None:
    bundled = bundle_js(["var a = 1 // one\n", "(function () {\n  a += 1;\n})()\n"])
    assert bundled == "var a=1;\n(function(){a+=1;})()\n"


def test_stylesheets_are_minified_in_order() -> None:
    assert bundle_css([".a {\n  color: red;\n}\n", "/* note */ .b { margin: 0 }"]) == ".a{color:red}\n.b{margin:0}\n"


def test_the_bundles_replace_the_copied_sources(tmp_path: Path) -> None:
    assets, site = tmp_path / "assets", tmp_path / "site"
    assets.mkdir()
    (site / "assets").mkdir(parents=True)
    for name in sources():
        (assets / name).write_text(f"/* {name} */ .x {{ margin: 0 }}" if name.endswith(".css") else "var x = 1;\n")
        (site / "assets" / name).write_text("copied by the engine")
    for name in VENDORED:
        (assets / name).parent.mkdir(parents=True, exist_ok=True)
        (assets / name).write_bytes(b"vendored " + name.encode())
    write_bundles(assets, site)
    pages = [page_bundle(name, kind).removeprefix("assets/") for name in PAGE_BUNDLES for kind in ("css", "js")]
    left = sorted(path.name for path in (site / "assets").iterdir() if path.is_file())
    assert left == sorted(["finding-balance.min.css", "finding-balance.min.js", *pages])
    assert (site / BUNDLE_CSS).read_text() == ".x{margin:0}\n" * len(CSS_SOURCES)
    assert (site / BUNDLE_JS).read_text().count("var x=1;") == len(JS_SOURCES)
    for name, (styles, scripts) in PAGE_BUNDLES.items():
        assert (site / page_bundle(name, "css")).read_text() == ".x{margin:0}\n" * len(styles)
        assert (site / page_bundle(name, "js")).read_text().count("var x=1;") == len(scripts)
    for name in VENDORED:
        assert (site / "assets" / name).read_bytes() == b"vendored " + name.encode()
