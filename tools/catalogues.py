"""Keep briefer's message catalogues (gettext, through Babel).

    python tools/catalogues.py compile      .po -> .mo where the .po is newer (./run does this)
    python tools/catalogues.py update       write the templates (.pot) and merge them into every .po
    python tools/catalogues.py init LANG    start the catalogue of a new language from the template

Two domains live in briefer/locale: `brief` (the words a brief prints: one message per field of
briefer.tailor.wording.Words, its field name as msgctxt) and `app` (the app's own interface,
extracted from `_()`, `N_()` and `ngettext()` in briefer/gui). A developer's tool, not shipped.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "briefer" / "locale"
GUI = ROOT / "briefer" / "gui"
PROJECT = "briefer"
VERSION = "0.1"
HOLDER = "the briefer authors"
DRAFT = (
    "# {language} messages of briefer ({domain}).\n"
    "# Drafted by briefer's developers; a native speaker should review every message (docs/languages.md).\n"
    "# This file is distributed under the same licence as briefer (MIT).\n#"
)

# what a translator needs to know about a message beyond its English text
NOTES = {
    "briefing_for": "{audience} is the name of an audience, e.g. 'Members of parliament'; choose a "
    "form that needs no article or case agreement with it.",
    "country_focus_on": "{countries} is one or more country names joined by the language's list pattern.",
    "prepared_for_who": "{who} is the recipient, organisation, meeting, place and date the user typed.",
    "keyword": "A keyword in the PDF's metadata.",
    "key_messages_for": "{audience} is the name of an audience.",
    "audience": "At-a-glance page: {audience} is the name of an audience.",
    "key_facts_for": "{country} is a country name.",
    "source_line": "At-a-glance page, before the report's citation: 'From <citation>'.",
    "page_of": "Footer: {page} and {pages} are numbers.",
    "ibid": "The citation word for 'the same source as the note before', at the start of a note.",
    "ibid_lower": "The same word inside a note, after a prefix such as 'See'.",
    "see_note": "After a short reference to a source cited in full in note {number}.",
    "accessed": "After a web address: {date} is the date it was read, already in the language's format.",
    "quoted": "The quotation marks around the title of an article or report in a reference.",
    "label": "A label before its value, as in 'Joined: 9 January 2012'; keep {label}.",
    "particulars_separator": "Between particulars on one line; usually kept as it is.",
    "untranslated": "Marks text printed in the report's language because it has no translation yet.",
    "no_status": "In a table cell: no status is recorded for this country.",
}


def brief_template() -> Catalog:
    sys.path.insert(0, str(ROOT))
    from briefer.tailor.wording import MESSAGES

    catalog = Catalog(project=PROJECT, version=VERSION, copyright_holder=HOLDER, domain="brief", fuzzy=False)
    for name, english in MESSAGES:
        catalog.add(english, context=name, auto_comments=[NOTES[name]] if name in NOTES else [])
    return catalog


def app_template() -> Catalog:
    catalog = Catalog(project=PROJECT, version=VERSION, copyright_holder=HOLDER, domain="app", fuzzy=False)
    keywords = {"_": None, "N_": None, "ngettext": (1, 2)}
    for filename, lineno, message, comments, context in extract_from_dir(GUI, keywords=keywords):
        catalog.add(message, locations=[(f"briefer/gui/{filename}", lineno)], auto_comments=comments, context=context)
    return catalog


def _write_po(path: Path, catalog: Catalog) -> None:
    """Write a catalogue, but leave the file alone when no message changed (no date churn)."""
    if path.is_file():
        with path.open("rb") as handle:
            old = read_po(handle)
        if _entries(old) == _entries(catalog):
            return
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, omit_header=False)
    path.write_bytes(buffer.getvalue())
    print(f"wrote {path.relative_to(ROOT)}")


def _entries(catalog: Catalog) -> list[tuple[object, ...]]:
    # a long comment comes back from a file in several lines: compare its words
    return [
        (m.id, m.context, m.string or "", m.fuzzy, " ".join(m.auto_comments), tuple(m.locations))
        for m in catalog
        if m.id
    ]


def update() -> None:
    templates = {"brief": brief_template(), "app": app_template()}
    for domain, template in templates.items():
        _write_po(LOCALE / f"{domain}.pot", template)
    for po in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
        with po.open("rb") as handle:
            catalog = read_po(handle)
        catalog.update(templates[po.stem], no_fuzzy_matching=True)
        _write_po(po, catalog)


def init(language: str) -> None:
    target = LOCALE / language / "LC_MESSAGES" / "brief.po"
    if target.exists():
        sys.exit(f"{target} exists: edit it, or run `update`")
    template = brief_template()
    locale = Locale.parse(language)
    catalog = Catalog(
        locale=locale,
        project=PROJECT,
        version=VERSION,
        copyright_holder=HOLDER,
        domain="brief",
        fuzzy=False,
        header_comment=DRAFT.format(language=locale.english_name, domain="brief"),
        language_team=f"{locale.english_name} <none yet>",
    )
    for message in template:
        if message.id:
            catalog.add(message.id, context=message.context, auto_comments=message.auto_comments)
    target.parent.mkdir(parents=True, exist_ok=True)
    _write_po(target, catalog)


def compile_all() -> None:
    for po in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        if mo.is_file() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=po.parent.parent.name)
        problems = [f"{po}: {message.id!r}: {error}" for message, errors in catalog.check() for error in errors]
        if problems:
            sys.exit("\n".join(problems))
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        mo.write_bytes(buffer.getvalue())
        print(f"compiled {po.relative_to(ROOT)}")


def main(argv: list[str]) -> None:
    if argv[:1] == ["compile"]:
        compile_all()
    elif argv[:1] == ["update"]:
        update()
    elif argv[:1] == ["init"] and len(argv) == 2:
        init(argv[1])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
