"""`briefer new DIR`: a small, valid report to start from, each file saying how to fill it in.

The files are the content format in miniature (docs/content-format.md has it whole): one
section with a note and a sidebar, one source, one audience, one country. Standard library
only; no Qt, no ReportLab.
"""

from __future__ import annotations

import re
from pathlib import Path


class StarterError(Exception):
    """The starter report cannot be written there; the message says where and why."""


REPORT = """\
# About the report itself. `id` names it in every brief's recipe: keep it once briefs are made.
format: 1
id: {ident}
title: {title}
subtitle: What the report is about, in one line
short_title: {title}
authors: [First Author, Second Author]
publisher: Your organisation
year: {year}
language: en
citation: First Author and Second Author, *{title}*, Your organisation, {year}.
about: >-
  A paragraph about your organisation, shown in the app's About box.
treaties:
  - id: example-treaty
    name: Example Treaty on Shared Things
    short: ETST
"""

SECTION = """\
# One section per file; files are read in name order (01-, 02-, ...).
id: overview
title: Overview
summary: One sentence a reader sees when choosing sections.
blocks:
  - paragraph: >-
      Write the report's text here. **Bold** and *italic* work, and a note marker goes
      exactly where the report puts it.[^1]
  - sidebar:
      title: A box beside the text
      paragraphs:
        - Sidebars hold definitions, cases and figures.
  - pullquote: A sentence worth repeating in large type.
    id: overview-quote
notes:
  - id: "1"
    text: "[@example-source, p. 4] A note may add a comment after its citation."
"""

SOURCES = """\
# The works notes cite, by id: [@example-source] in a note.
sources:
  - id: example-source
    author: An Author
    title: The Title of a Cited Work
    publisher: Its Publisher
    date: "{year}"
    url: https://example.org/cited-work
    short: Author, “Cited Work”
"""

AUDIENCES = """\
# Readers a brief can be tailored for: what they need, key messages, questions to ask.
audiences:
  - id: parliamentarians
    name: Members of parliament
    needs: The facts in a page, then the question to ask.
    introduction: This brief sets out what the report found.
    key_messages:
      - text: The first thing a reader should remember.
        basis: [overview]
    asks:
      title: Questions to ask
      items: [What will the government do next?]
"""

COUNTRIES = """\
# Countries a brief can focus on: their status under each treaty and a few facts, with sources.
countries:
  - code: FI
    name: Finland
    treaties:
      example-treaty:
        status: party
        joined: 2001-02-03
        sources: [example-source]
    facts:
      - text: One fact about Finland, with its source.
        source: example-source
"""


def starter_files(ident: str, title: str, year: int) -> dict[str, str]:
    """Relative path -> text of each file of a starter report."""
    values = {"ident": ident, "title": title, "year": year}
    return {
        "report.yaml": REPORT.format(**values),
        "sections/01-overview.yaml": SECTION,
        "sources/sources.yaml": SOURCES.format(**values),
        "audiences.yaml": AUDIENCES,
        "countries.yaml": COUNTRIES,
    }


def report_id_for(folder: Path) -> str:
    """An id from the folder's name: 'My Report 2026' -> 'my-report-2026'."""
    words = re.findall(r"[a-z0-9]+", folder.resolve().name.lower())
    return "-".join(words) or "my-report"


def write_starter(folder: Path, year: int) -> list[Path]:
    """Write a starter report into `folder` (new, or empty); never overwrites anything."""
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise StarterError(f"cannot write a new report into {folder}: it exists and is not an empty folder")
    written = []
    try:
        for name, text in starter_files(report_id_for(folder), "Title of Your Report", year).items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written.append(path)
    except OSError as exc:
        raise StarterError(f"cannot write a new report into {folder}: {exc.strerror or exc}") from exc
    return written
