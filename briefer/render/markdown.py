"""Render a Brief as Markdown with Pandoc-style notes, for email and screen readers.

It keeps the tagged PDF's semantics: the same headings (a sidebar's and a country box's
sub-headings too), lists, tables with a header row, and notes. Imports the brief model only.
Markdown's own characters in the text are escaped, so text prints as typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from briefer.tailor.brief import (
    BDefinition,
    BParagraph,
    BPullQuote,
    Brief,
    BriefText,
    BSidebar,
    ComparisonTable,
    CountryBox,
    KeyMessagesPart,
    NoteMark,
    SectionPart,
)
from briefer.tailor.recipe import NotePlacement
from briefer.tailor.wording import Words

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
# "&nbsp;" or "&amp;" typed in a report is text, not an HTML entity (a lone & prints as it is)
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# what makes a line a list item, or a heading's underline, when it starts a line
_LINE_START = re.compile(r"^([ \t]*)(?:([-+])(?=\s|$)|(\d{1,9})([.)])(?=\s|$)|(=+|-+)[ \t]*$)", re.MULTILINE)


def escape(text: str) -> str:
    return _ENTITY.sub(r"\\&", _SPECIAL.sub(r"\\\1", text))


def _line_starts(match: re.Match[str]) -> str:
    indent, bullet, number, dot, rule = match.groups()
    if bullet:
        return f"{indent}\\{bullet}"
    if number:
        return f"{indent}{number}\\{dot}"
    return f"{indent}\\{rule}"


def protect_line_starts(text: str) -> str:
    """Text that starts with "- ", "1. " or a line of "---" stays a paragraph, as typed."""
    return _LINE_START.sub(_line_starts, text)


def inline(text: BriefText) -> str:
    out = []
    for part in text:
        if isinstance(part, NoteMark):
            out.append(f"[^{part.number}]")
            continue
        body = escape(part.text)
        if part.bold and part.italic:
            body = _wrap(body, "***")
        elif part.bold:
            body = _wrap(body, "**")
        elif part.italic:
            body = _wrap(body, "*")
        out.append(body)
    return protect_line_starts("".join(out))


def _wrap(body: str, mark: str) -> str:
    """Emphasis markers must hug the words, so surrounding spaces stay outside them."""
    stripped = body.strip()
    if not stripped:
        return body
    lead = body[: len(body) - len(body.lstrip())]
    trail = body[len(body.rstrip()) :]
    return f"{lead}{mark}{stripped}{mark}{trail}"


def render_markdown(brief: Brief) -> str:
    words = brief.words
    lines: list[str] = [f"# {escape(brief.title)}", ""]
    if brief.subtitle:
        lines += [f"*{escape(brief.subtitle)}*", ""]
    facts = [escape(line) for line in brief.particulars]
    facts.append(f"{escape(words.based_on)} {inline(brief.report_citation)}")
    lines += [f"{fact}  " for fact in facts[:-1]] + [facts[-1], ""]
    if brief.cover_note.strip():
        lines += [f"## {escape(words.cover_note)}", ""]
        paragraphs = brief.cover_note.replace("\r\n", "\n").split("\n\n")
        for paragraph in (p.strip() for p in paragraphs if p.strip()):
            lines += [protect_line_starts(escape(paragraph)).replace("\n", "  \n"), ""]
    for part in brief.parts:
        lines += PARTS[type(part)](part, words)
    if brief.notes:
        lines += [f"## {escape(words.notes)}", ""] if brief.layout.notes == NotePlacement.END else []
        for note in brief.notes:
            lines.append(f"[^{note.number}]: {inline(note.text)}")
        lines.append("")
    if brief.sources:
        lines += [f"## {escape(words.sources)}", ""]
        lines += [f"- {inline(s.text)}" for s in brief.sources]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _key_messages(part: KeyMessagesPart, words: Words) -> list[str]:
    lines = [f"## {escape(part.title)}", ""]
    if part.introduction:
        lines += [inline(part.introduction), ""]
    lines += [f"{i}. {inline(m)}" for i, m in enumerate(part.messages, start=1)] + [""]
    if part.asks:
        lines += [f"### {escape(part.asks_title)}", ""]
        lines += [f"- {inline(a)}" for a in part.asks] + [""]
    return lines


def _country(part: CountryBox, words: Words) -> list[str]:
    lines = [f"## {escape(part.title)}", ""]
    if part.treaties:
        rows = []
        for row in part.treaties:
            dates = "; ".join(f"{escape(label)} {escape(value)}" for label, value in row.dates)
            rows.append(
                [
                    f"**{escape(row.treaty)}** {escape(row.treaty_name)}",
                    inline(row.status),
                    dates or escape(words.no_status),
                ]
            )
        lines += _table([escape(h) for h in part.status_headers], rows)
    if part.facts:
        lines += [f"### {escape(part.facts_title)}", ""]
        lines += [f"- {inline(fact)}" for fact in part.facts] + [""]
    return lines


def _table(headers: list[str], rows: list[list[str]]) -> list[str]:
    """A pipe table: one header row, then the rows (cells already Markdown)."""
    head = "| " + " | ".join(headers) + " |"
    rule = "|" + "|".join("---" for _ in headers) + "|"
    return [head, rule, *("| " + " | ".join(row) + " |" for row in rows), ""]


def _comparison(part: ComparisonTable, words: Words) -> list[str]:
    rows = [[escape(c) for c in row] for row in part.rows]
    return [f"## {escape(part.title)}", "", *_table([escape(h) for h in part.headers], rows)]


def _section(part: SectionPart, words: Words) -> list[str]:
    lines = [f"## {escape(part.title)}", ""]
    for block in part.blocks:
        if isinstance(block, BParagraph):
            lines += [inline(block.text), ""]
        elif isinstance(block, BDefinition):
            lines += [f"**{escape(block.term)}** {inline(block.text)}", ""]
        elif isinstance(block, BPullQuote):
            lines += [f"> *{inline(block.text)}*", ""]
        elif isinstance(block, BSidebar):
            lines += [f"> ### {escape(block.title)}", ">"]
            for i, paragraph in enumerate(block.paragraphs):
                lines += ([">"] if i else []) + [f"> {inline(paragraph)}"]
            lines.append("")
    if part.attribution:
        lines += [f"— {escape(part.attribution)}", ""]
    return lines


PARTS: dict[type, Callable[[Any, Words], list[str]]] = {
    KeyMessagesPart: _key_messages,
    CountryBox: _country,
    ComparisonTable: _comparison,
    SectionPart: _section,
}


__all__ = ["render_markdown"]
