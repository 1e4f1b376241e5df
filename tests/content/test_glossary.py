"""Each edition keeps to its glossary (``finding_balance/locales/glossary.<lang>.yml``, README "Languages").

No page of the edition, no string of its ``locales/<lang>.yml``, no wording in its ``mkdocs.<lang>.yml``
(and no label of it in the other configs) uses a word the glossary says to avoid, outside the
exceptions it lists; every exception is still needed; the glossary is well formed, and each of its
rules finds its examples and leaves its correct ones alone. The checker itself is tested on made-up
text, so a passing run means something: it finds an avoided word in a sentence, in any case, with or
without accents, split over two lines, in any person, tense, gender or number, with a pronoun at its
end or other words in a phrase's gap, in a quiz, a strings file or a real page; the real glossary
finds a doublet, a generic masculine and a hidden ustedes; and nothing is found inside a longer word,
an allowed phrase, markup, or correct Spanish.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from support.glossary import (
    PROJECT_ROOT,
    Allowed,
    Entry,
    Glossary,
    GlossaryError,
    Source,
    edition_sources,
    find,
    fold,
    glossaries,
    load,
    markdown_wording,
    matches,
    rule_matches,
    unused_exceptions,
    yaml_wording,
)

GLOSSARY_FILES = glossaries()
IDS = [path.name for path in GLOSSARY_FILES]
SPANISH = PROJECT_ROOT / "finding_balance" / "locales" / "glossary.es.yml"


def language(path: Path) -> str:
    return path.name.removeprefix("glossary.").removesuffix(".yml")


def test_there_is_a_glossary_for_every_edition_but_english() -> None:
    configs = PROJECT_ROOT.glob("mkdocs.*.yml")
    editions = sorted(path.name.removeprefix("mkdocs.").removesuffix(".yml") for path in configs)
    assert editions, "no second edition found"
    assert sorted(language(path) for path in GLOSSARY_FILES) == editions


@pytest.mark.parametrize("path", GLOSSARY_FILES, ids=IDS)
def test_the_glossary_is_well_formed(path: Path) -> None:
    glossary = load(path)
    seen: dict[str, str] = {}
    for entry in glossary.entries:
        for term in entry.avoid:
            key = " ".join(fold(term).split())
            assert key not in seen, f"«{term}» is avoided twice: in {seen[key]!r} and {entry.english!r}"
            seen[key] = entry.english
            assert not matches(entry.spanish, glossary.language, term), f"{entry.english!r}: its own term uses «{term}»"
        for allowed in entry.allow:
            assert any(matches(allowed.text, glossary.language, term) for term in entry.avoid), (
                f"{entry.english!r}: the exception «{allowed.text}» holds none of the entry's avoided words"
            )


@pytest.mark.parametrize("path", GLOSSARY_FILES, ids=IDS)
def test_every_rule_finds_its_examples_and_only_them(path: Path) -> None:
    rules = [entry for entry in load(path).entries if entry.pattern]
    for rule in rules:
        for example in rule.catches:
            assert rule_matches(rule, example), f"{rule.english!r} misses «{example}»"
        for example in rule.passes:
            assert not rule_matches(rule, example), f"{rule.english!r} wrongly finds «{example}»"


@pytest.mark.parametrize("path", GLOSSARY_FILES, ids=IDS)
def test_no_page_string_or_setting_uses_an_avoided_word(path: Path) -> None:
    glossary = load(path)
    hits = find(edition_sources(glossary.language), glossary)
    assert not hits, f"Words {path.name} says to avoid:\n" + "\n".join(str(hit) for hit in hits)


@pytest.mark.parametrize("path", GLOSSARY_FILES, ids=IDS)
def test_every_exception_is_still_needed(path: Path) -> None:
    glossary = load(path)
    assert unused_exceptions(edition_sources(glossary.language), glossary) == []


def test_the_checker_reads_every_part_of_the_spanish_edition() -> None:
    places = {source.where for source in edition_sources("es")}
    assert {"docs-es/help.md", "docs-es/trust.md", "finding_balance/locales/es.yml", "mkdocs.es.yml"} <= places
    assert "mkdocs.yml" in places  # its link to the Spanish edition, "Esta página en español"


# The checker on made-up text: it can fail, and fails only where it should.

ENTRY = Entry(
    english="device",
    spanish="dispositivo",
    avoid=("aparato", "tiempo a solas", "mayúsculas"),
    why="one word for one idea",
    allow=(Allowed("pedir tiempo a solas", "English: time alone"),),
)
GLOSSARY = Glossary(Path("glossary.xx.yml"), "xx", (ENTRY,))


def hits_in_page(text: str) -> list[tuple[int, str]]:
    return [(hit.line, hit.found) for hit in find([Source("page.md", text, markdown_wording(text))], GLOSSARY)]


def hits_in_strings(text: str) -> list[tuple[int, str]]:
    return [(hit.line, hit.found) for hit in find([Source("xx.yml", text, yaml_wording(text))], GLOSSARY)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Usa un aparato más seguro.", "aparato"),
        ("APARATO", "APARATO"),
        ("Pulsa la tecla Mayúsculas.", "Mayúsculas"),
        ("Pulsa la tecla MAYUSCULAS.", "MAYUSCULAS"),  # without its accent
        ("¿Aparato?", "Aparato"),
        ("El tiempo a\n    solas es sano.", "tiempo a solas"),  # split over two lines
    ],
)
def test_an_avoided_word_is_found(text: str, found: str) -> None:
    assert [hit for _, hit in hits_in_page(text)] == [found]


@pytest.mark.parametrize(
    "text",
    [
        "Un gesto aparatoso.",  # inside a longer word
        "Puedes pedir tiempo a solas.",  # inside an allowed phrase
        "Puedes pedir tiempo a\nsolas.",
        "La dirección termina en `#aparato`.",  # code
        "Lee [la ayuda](help.md#aparato).",  # a link target
        "## Un título {#aparato}",  # an anchor
        "Mira <span class='aparato'>esto</span>.",  # markup
        "Ve a https://aparato.example.org/.",
        "```text\nun aparato\n```",  # a code block
    ],
)
def test_an_avoided_word_is_not_found_where_it_does_not_count(text: str) -> None:
    assert hits_in_page(text) == []


def test_an_allowed_phrase_does_not_excuse_the_word_elsewhere() -> None:
    text = "Puedes pedir tiempo a solas.\nEl tiempo a solas es sano."
    assert hits_in_page(text) == [(2, "tiempo a solas")]


def test_a_quiz_is_read_but_not_its_keys_and_ids() -> None:
    text = "Intro.\n\n```quiz\nid: aparato\ntype: scale\ntitle: ¿Un título?\nitems:\n  - text: Uso un aparato.\n```\n"
    assert hits_in_page(text) == [(8, "aparato")]


def test_the_front_matter_description_is_read_but_not_the_other_keys() -> None:
    text = "---\ndescription: Un aparato.\ntemplate: aparato.html\n---\n\n# Título\n"
    assert hits_in_page(text) == [(2, "aparato")]


def test_a_strings_file_is_read_but_not_its_keys_comments_or_addresses() -> None:
    text = (
        "# aparato: a comment\n"
        "aparato:\n"
        "  url: https://example.org/aparato\n"
        "  label: Salir del aparato\n"
        "  text: >-\n"
        "    Una frase larga que sigue\n"
        "    con un aparato. {aparato}\n"
        "nav:\n"
        "  - Un aparato: aparato.md\n"
    )
    assert hits_in_strings(text) == [(4, "aparato"), (7, "aparato"), (9, "aparato")]


@pytest.mark.parametrize("path", GLOSSARY_FILES, ids=IDS)
def test_every_avoided_word_of_the_glossary_would_be_found(path: Path) -> None:
    glossary = load(path)
    for entry in glossary.entries:
        for term in entry.avoid:
            written = " ".join(term.replace("…", " ").replace("=", " ").split())
            text = f"Una frase con {written} en medio."
            found = find([Source("page.md", text, markdown_wording(text))], glossary)
            assert [hit.entry for hit in found] == [entry], f"«{term}» ({entry.english}) was not found"


def test_a_real_page_with_an_avoided_word_fails() -> None:
    glossary = load(SPANISH)
    page = (PROJECT_ROOT / "docs-es" / "trust.md").read_text(encoding="utf-8")
    lines = page.split("\n")
    line = next(number for number, text in enumerate(lines) if text.startswith("La confianza no nace"))
    lines[line] += " Deja el aparato en la mesa."
    text = "\n".join(lines)
    hits = find([Source("docs-es/trust.md", text, markdown_wording(text))], glossary)
    assert [(hit.line, hit.found) for hit in hits] == [(line + 1, "aparato")]
    assert "dispositivo" in str(hits[0])


def test_a_malformed_glossary_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "glossary.xx.yml"
    path.write_text("language: xx\nentries:\n  - english: device\n    avoid: [aparato]\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="'spanish' must be some text"):
        load(path)


# Every form: one avoided word or phrase finds its inflections and nearby word order.

FORMS = Glossary(
    Path("glossary.es.yml"),
    "es",
    (
        Entry("finish", "terminar", ("acabar",), "regional"),
        Entry("alone", "a solas", ("estar solo",), "gender"),
        Entry("press", "presiona", ("pulsar",), "regional"),
        Entry("suits you", "¿Te parece bien?", ("te va … bien", "te venga … bien"), "regional"),
        Entry("together", "en pareja", ("=juntos",), "gender"),
    ),
)


def forms_found(text: str) -> list[str]:
    return [hit.found for hit in find([Source("page.md", text, markdown_wording(text))], FORMS)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Cuando acabemos, hablamos.", "acabemos"),  # another person and mood
        ("Ayer acabaron tarde.", "acabaron"),  # another tense
        ("Acabaría antes.", "Acabaría"),
        ("No quiero estar sola.", "estar sola"),  # feminine
        ("Prefieren estar solos.", "estar solos"),  # plural
        ("Púlsalo dos veces.", "Púlsalo"),  # a pronoun at the end of the verb
        ("Has pulsado la tecla.", "pulsado"),
        ("¿Te va muy bien el sábado?", "Te va muy bien"),  # a word in the phrase's gap
        ("Léelos cuando te venga\n  bien.", "te venga bien"),
        ("Salen juntos.", "juntos"),
    ],
)
def test_an_avoided_word_is_found_in_any_form(text: str, found: str) -> None:
    assert forms_found(text) == [found]


@pytest.mark.parametrize(
    "text",
    [
        "Terminamos tarde.",
        "Es solo un rato.",  # "solo" without "estar"
        "Presiona la tecla.",
        "Te va a gustar. Bien hecho.",  # the gap never crosses a full stop
        "¿Te parece bien el sábado?",
        "Junto al número de tu país.",  # "=juntos" is that word only
        "A las parejas les va bien con gente cerca.",
    ],
)
def test_correct_spanish_is_not_taken_for_an_inflected_form(text: str) -> None:
    assert forms_found(text) == []


@cache
def spanish_glossary() -> Glossary:
    return load(SPANISH)


def spanish_rules_found(text: str) -> list[str]:
    glossary = spanish_glossary()
    return [hit.entry.english for hit in find([Source("page.md", text, markdown_wording(text))], glossary)]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Las y los profesionales pueden usarlas.", "a doublet (both genders named)"),
        ("Atiende a cualquier persona sorda o sordomuda o sorda o\nsordo.", "a doublet (both genders named)"),
        ("Habla con un psicólogo o una psicóloga.", "a doublet (both genders named)"),
        ("Todos nos cansamos.", "a generic masculine"),
        ("Si tú u otra persona están en peligro, llama.", "tú with someone else as a subject (a hidden ustedes verb)"),
        ("No le presiones para que se vaya.", "don't push them (leísmo)"),
        ("Ve a [Pide ayuda ahora](help.md).", "the page title Get help now, after another verb"),
        ("Podéis hablarlo.", "vosotros verb forms"),
    ],
)
def test_the_spanish_rules_find_what_a_word_list_cannot(text: str, rule: str) -> None:
    assert spanish_rules_found(text) == [rule]


@pytest.mark.parametrize(
    "text",
    [
        "Profesionales de la ayuda pueden usarlas.",
        "Si tú estás en peligro, o lo está otra persona, llama.",
        "No insistas en que se vaya.",
        "[Pide ayuda ahora](help.md).",
        "Los dos pueden hablarlo en su país.",
        "Todos los días, al otro lado de la calle.",
    ],
)
def test_the_spanish_rules_leave_correct_spanish_alone(text: str) -> None:
    assert spanish_rules_found(text) == []


def test_a_rule_without_examples_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "glossary.xx.yml"
    path.write_text(
        "language: xx\nentries:\n  - english: doublet\n    spanish: x\n    why: y\n    pattern: a|b\n",
        encoding="utf-8",
    )
    with pytest.raises(GlossaryError, match="a rule needs 'catches'"):
        load(path)
