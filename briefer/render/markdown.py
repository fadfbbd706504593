"""Render a Brief as Markdown with Pandoc-style notes, for email and screen readers.

It keeps the tagged PDF's semantics: the same headings (a sidebar's and a country box's
sub-headings too), lists, tables with a header row, figures with their alt text, and notes.
Imports the brief model only. Markdown's own characters in the text are escaped, so text prints
as typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefer.tailor.brief import (
    BBlock,
    BDefinition,
    BFigure,
    BHeading,
    BList,
    BParagraph,
    BPullQuote,
    Brief,
    BriefText,
    BSidebar,
    BTable,
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


def render_markdown(brief: Brief, media: str = "") -> str:
    """The brief as Markdown. Figures link to their image files: `media` is the folder (relative
    to the Markdown file) they are copied to; without it, to the image in the content folder."""
    words = brief.words
    lines: list[str] = [f"# {inline(brief.printed_title)}", ""]
    if brief.subtitle:
        lines += [f"*{inline(brief.printed_subtitle)}*", ""]
    facts = [escape(line) for line in brief.particulars]
    url = f" <{brief.url}>" if brief.url else ""
    facts.append(f"{escape(words.based_on)} {inline(brief.report_citation)}{url}")
    lines += [f"{fact}  " for fact in facts[:-1]] + [facts[-1], ""]
    if brief.cover_note.strip():
        lines += [f"## {escape(words.cover_note)}", ""]
        paragraphs = brief.cover_note.replace("\r\n", "\n").split("\n\n")
        for paragraph in (p.strip() for p in paragraphs if p.strip()):
            lines += [protect_line_starts(escape(paragraph)).replace("\n", "  \n"), ""]
    for part in brief.parts:
        lines += _section(part, brief, media) if isinstance(part, SectionPart) else PARTS[type(part)](part, words)
    if brief.notes:
        lines += [f"## {escape(words.notes)}", ""] if brief.layout.notes == NotePlacement.END else []
        for note in brief.notes:
            lines.append(f"[^{note.number}]: {inline(note.text)}")
        lines.append("")
    if brief.sources:
        lines += [f"## {escape(words.sources)}", ""]
        lines += [f"- {inline(s.text)}" for s in brief.sources]
        lines.append("")
    if brief.about:
        lines += [f"### {escape(words.about_publisher)}", "", inline(brief.about), ""]
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
    if part.instruments:
        rows = []
        for row in part.instruments:
            details = "; ".join(f"{escape(label)} {escape(value)}" for label, value in row.details)
            rows.append(
                [
                    f"**{escape(row.short)}** {escape(row.name)}",
                    inline(row.status),
                    details or escape(words.no_status),
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


def _section(part: SectionPart, brief: Brief, media: str) -> list[str]:
    lines = [f"## {inline(part.printed_title)}", ""]
    for block in part.blocks:
        lines += _block(block, brief, media)
    if part.attribution:
        lines += [f"— {escape(part.attribution)}", ""]
    return lines


def _block(block: BBlock, brief: Brief, media: str) -> list[str]:
    if isinstance(block, BParagraph):
        return [inline(block.text), ""]
    if isinstance(block, BDefinition):
        return [f"**{inline(block.term)}** {inline(block.text)}", ""]
    if isinstance(block, BPullQuote):
        return [f"> *{inline(block.text)}*", ""]
    if isinstance(block, BSidebar):
        lines = [f"> ### {inline(block.title)}", ">"] if block.title else []
        for i, paragraph in enumerate(block.paragraphs):
            lines += ([">"] if i else []) + [f"> {inline(paragraph)}"]
        return [*lines, ""]
    if isinstance(block, BHeading):
        # an HTML anchor gives the heading the same link target as in the PDF
        return [f'<a id="{block.anchor}"></a>', "", f"{'#' * block.level} {inline(block.text)}", ""]
    if isinstance(block, BList):
        return [*_list(block), ""]
    if isinstance(block, BTable):
        return _table_block(block, brief)
    assert isinstance(block, BFigure)
    return _figure(block, brief, media)


def _list(block: BList) -> list[str]:
    lines = []
    for n, item in enumerate(block.items, start=1):
        mark = f"{n}." if block.numbered else "-"
        lines.append(f"{mark} {inline(item.text)}")
        indent = " " * (len(mark) + 1)  # a nested item lines up with its parent's text
        lines += [f"{indent}- {inline(sub)}" for sub in item.items]
    return lines


def _caption_text(label: str, caption: BriefText, brief: Brief) -> str:
    lead = brief.words.label.format(label=label) if caption else label
    return (f"**{escape(lead)}** " if label else "") + inline(caption)


def _cell(text: BriefText) -> str:
    return inline(text).replace("\n", " ") or " "


def _table_block(block: BTable, brief: Brief) -> list[str]:
    """A pipe table: a Markdown table has one header row, so further header rows lead the body."""
    empty: tuple[BriefText, ...] = tuple(() for _ in block.columns)
    header, more = (block.header[0], block.header[1:]) if block.header else (empty, ())
    rule = {"left": ":--", "center": ":-:", "right": "--:"}
    lines = [
        "| " + " | ".join(_cell(c) for c in header) + " |",
        "|" + "|".join(rule.get(c.align, "---") for c in block.columns) + "|",
        *("| " + " | ".join(_cell(c) for c in row) + " |" for row in (*more, *block.rows)),
        "",
    ]
    caption = [_caption_text(block.label, block.caption, brief), ""] if block.label or block.caption else []
    source = [inline(block.source), ""] if block.source else []
    return [*caption, *lines, *source]


def _figure(block: BFigure, brief: Brief, media: str) -> list[str]:
    """![alt](image "caption"): the alt text for who cannot see it, the caption as its title and,
    visible, above it."""
    target = f"{media}/{block.name}" if media else Path(block.image).as_uri()
    title = brief.words.label.format(label=block.label) + " " if block.label and block.caption else block.label
    title += "".join(p.text for p in block.caption if not isinstance(p, NoteMark))
    quoted = title.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    image = f"![{escape(block.alt)}]({target.replace(' ', '%20')}" + (f' "{quoted}")' if title else ")")
    caption = [_caption_text(block.label, block.caption, brief), ""] if block.label or block.caption else []
    source = [inline(block.source), ""] if block.source else []
    return [*caption, image, "", *source]


PARTS: dict[type, Callable[[Any, Words], list[str]]] = {
    KeyMessagesPart: _key_messages,
    CountryBox: _country,
    ComparisonTable: _comparison,
}


__all__ = ["render_markdown"]
