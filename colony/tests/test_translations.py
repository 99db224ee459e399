"""The gettext catalogs are complete, keep their placeholders, and are compiled.

The .po files are read with a small parser below (stdlib only), the .mo files
with ``gettext.GNUTranslations``, so a forgotten ``compilemessages`` or an
untranslated string added by ``makemessages`` fails the suite.
"""

from __future__ import annotations

import ast
import gettext
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.utils import translation

LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"
LANGUAGES = ["nl", "id", "it", "ru"]
DOMAINS = ["django", "djangojs"]
PLURAL_FORMS = {
    "nl": "nplurals=2; plural=(n != 1);",
    "id": "nplurals=1; plural=0;",
    "it": "nplurals=2; plural=(n != 1);",
    "ru": (
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
        "(n%100<10 || n%100>=20) ? 1 : 2);"
    ),
}
PLACEHOLDER = re.compile(r"%%|%\([a-z_]+\)[sd]|%[sd]")
CATALOGS = [(lang, domain) for lang in LANGUAGES for domain in DOMAINS]
CATALOG_IDS = [f"{lang}-{domain}" for lang, domain in CATALOGS]


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: str = ""
    msgstr_plural: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    line: int = 0

    @property
    def forms(self) -> list[str]:
        if self.msgid_plural is None:
            return [self.msgstr]
        return [self.msgstr_plural[i] for i in sorted(self.msgstr_plural)]

    @property
    def catalog_key(self) -> str:
        return self.msgid if self.msgctxt is None else f"{self.msgctxt}\x04{self.msgid}"

    def __str__(self) -> str:
        return f"line {self.line}: {self.msgid!r}"


_KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")\s*$')


def _unquote(text: str) -> str:
    # A PO string literal uses the C escapes that Python string literals understand.
    return str(ast.literal_eval(text))


def parse_po(path: Path) -> tuple[Entry, list[Entry]]:
    """Return the header entry and the other entries of a .po file (obsolete ones are skipped)."""
    entries: list[Entry] = []
    current: Entry | None = None
    target: tuple[str, int | None] | None = None
    pending_flags: set[str] = set()

    def finish() -> None:
        nonlocal current, target
        if current is not None:
            entries.append(current)
        current, target = None, None

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#~"):
            continue
        if line.startswith("#"):
            if line.startswith("#,"):
                pending_flags |= {flag.strip() for flag in line[2:].split(",") if flag.strip()}
            continue
        match = _KEYWORD.match(line)
        if match:
            keyword, index, literal = match.groups()
            # msgctxt always opens an entry; msgid does too unless it follows that entry's msgctxt.
            if keyword == "msgctxt" or (keyword == "msgid" and target != ("msgctxt", None)):
                finish()
            if current is None:
                current = Entry(flags=pending_flags, line=number)
                pending_flags = set()
            value = _unquote(literal)
            if keyword.startswith("msgstr["):
                target = ("msgstr_plural", int(index))
                current.msgstr_plural[int(index)] = value
            else:
                target = (keyword, None)
                setattr(current, keyword, value)
        elif line.startswith('"') and current is not None and target is not None:
            name, index = target
            if index is None:
                setattr(current, name, getattr(current, name) + _unquote(line))
            else:
                current.msgstr_plural[index] += _unquote(line)
        else:
            raise AssertionError(f"{path}:{number}: cannot read {raw!r}")
    finish()
    assert entries and entries[0].msgid == "" and entries[0].msgctxt is None, (
        f"{path} has no header entry"
    )
    return entries[0], entries[1:]


def header_fields(header: Entry) -> dict[str, str]:
    fields = {}
    for line in header.msgstr.splitlines():
        if ":" in line:
            name, value = line.split(":", 1)
            fields[name.strip()] = value.strip()
    return fields


def placeholders(text: str) -> set[str]:
    return {p for p in PLACEHOLDER.findall(text) if p != "%%"}


def positional_count(text: str) -> int:
    return sum(1 for p in PLACEHOLDER.findall(text) if p in ("%s", "%d"))


def po_path(lang: str, domain: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.po"


def nplurals(lang: str) -> int:
    return int(re.match(r"nplurals=(\d+);", PLURAL_FORMS[lang]).group(1))  # type: ignore[union-attr]


@pytest.mark.parametrize(("lang", "domain"), CATALOGS, ids=CATALOG_IDS)
def test_the_header_declares_the_language_utf8_and_the_plural_rule(lang: str, domain: str) -> None:
    header, _ = parse_po(po_path(lang, domain))
    fields = header_fields(header)
    assert "fuzzy" not in header.flags
    assert fields.get("Language") == lang
    assert fields.get("Content-Type") == "text/plain; charset=UTF-8"
    assert fields.get("Plural-Forms") == PLURAL_FORMS[lang]


@pytest.mark.parametrize(("lang", "domain"), CATALOGS, ids=CATALOG_IDS)
def test_every_entry_is_translated_and_none_is_fuzzy(lang: str, domain: str) -> None:
    _, entries = parse_po(po_path(lang, domain))
    assert entries, "the catalog has no messages"
    untranslated = [str(e) for e in entries if not all(form.strip() for form in e.forms)]
    fuzzy = [str(e) for e in entries if "fuzzy" in e.flags]
    assert (untranslated, fuzzy) == ([], []), (
        f"{lang}/{domain}: untranslated {untranslated}, fuzzy {fuzzy}"
    )


@pytest.mark.parametrize(("lang", "domain"), CATALOGS, ids=CATALOG_IDS)
def test_plural_entries_have_one_form_per_plural_category(lang: str, domain: str) -> None:
    _, entries = parse_po(po_path(lang, domain))
    wrong = [
        f"{e}: {sorted(e.msgstr_plural)}"
        for e in entries
        if e.msgid_plural is not None and sorted(e.msgstr_plural) != list(range(nplurals(lang)))
    ]
    assert not wrong, f"{lang}/{domain} needs {nplurals(lang)} forms: {wrong}"


@pytest.mark.parametrize(("lang", "domain"), CATALOGS, ids=CATALOG_IDS)
def test_translations_keep_exactly_the_placeholders_of_the_source(lang: str, domain: str) -> None:
    _, entries = parse_po(po_path(lang, domain))
    problems = []
    for entry in entries:
        if entry.msgid_plural is None:
            expected = [(entry.msgid, entry.msgstr)]
        else:
            # The first form may stand for exactly one (nl, it: the singular source);
            # every other form, and Russian's first form (1, 21, 31, …), must carry the count.
            expected = []
            for index, form in enumerate(entry.forms):
                singular_only = index == 0 and nplurals(lang) == 2
                source = entry.msgid if singular_only else entry.msgid_plural
                expected.append((source, form))
        for source, translated in expected:
            same = placeholders(translated) == placeholders(source)
            if not same or positional_count(translated) != positional_count(source):
                problems.append(f"{entry}: {sorted(placeholders(source))} vs {translated!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("lang", "domain"), CATALOGS, ids=CATALOG_IDS)
def test_the_compiled_catalog_exists_and_matches_the_po_file(lang: str, domain: str) -> None:
    mo = po_path(lang, domain).with_suffix(".mo")
    assert mo.exists(), f"{mo} is missing: run compilemessages"
    with mo.open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
    _, entries = parse_po(po_path(lang, domain))
    stale = []
    for entry in entries:
        if entry.msgid_plural is None:
            if catalog.get(entry.catalog_key) != entry.msgstr:
                stale.append(str(entry))
        else:
            compiled = [catalog.get((entry.catalog_key, i)) for i in range(len(entry.forms))]
            if compiled != entry.forms:
                stale.append(str(entry))
    assert not stale, f"{mo} is out of date with its .po (run compilemessages): {stale}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_django_answers_in_each_language_instead_of_english(lang: str) -> None:
    english = "A post needs some text."
    with translation.override(lang):
        translated = translation.gettext(english)
        language_name = str(translation.gettext("Dutch"))
    assert translated and translated != english
    assert language_name != "Dutch"


def test_russian_counts_pick_the_one_few_and_many_forms() -> None:
    with translation.override("ru"):
        forms = {
            n: translation.ngettext("%(counter)s person", "%(counter)s people", n) % {"counter": n}
            for n in (1, 3, 5, 21, 11)
        }
    assert forms == {
        1: "1 человек",
        3: "3 человека",
        5: "5 человек",
        21: "21 человек",
        11: "11 человек",
    }
