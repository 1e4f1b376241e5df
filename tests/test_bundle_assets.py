"""Our CSS and JS served as one minified file each."""

from __future__ import annotations

from pathlib import Path

from bundle_assets import BUNDLE_CSS, BUNDLE_JS, _take_own, bundle_css, bundle_js


def test_scripts_are_minified_and_kept_apart() -> None:
    bundled = bundle_js(["var a = 1 // one\n", "(function () {\n  a += 1;\n})()\n"])
    assert bundled == "var a=1;\n(function(){a+=1;})()\n"


def test_stylesheets_are_minified_in_order() -> None:
    assert bundle_css([".a {\n  color: red;\n}\n", "/* note */ .b { margin: 0 }"]) == ".a{color:red}\n.b{margin:0}\n"


def test_only_our_files_are_replaced_where_the_first_one_was(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    for name in ("site.css", "quiz.css"):
        (tmp_path / "assets" / name).write_text("x")
    entries = ["https://example.org/theme.css", "assets/site.css", "extra/other.css", "assets/quiz.css"]
    assert _take_own(entries, tmp_path, BUNDLE_CSS) == ["https://example.org/theme.css", BUNDLE_CSS, "extra/other.css"]
    assert _take_own(["assets/missing.js"], tmp_path, BUNDLE_JS) == ["assets/missing.js"]
