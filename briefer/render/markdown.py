"""Render a Brief as Markdown with Pandoc-style notes, for email and screen readers.

Imports the brief model only. Markdown's own characters in the text are escaped, so text
prints as typed.
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

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


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
    return "".join(out)


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
    if brief.cover_note:
        lines += [escape(brief.cover_note), ""]
    for part in brief.parts:
        lines += _section(part, brief, media) if isinstance(part, SectionPart) else PARTS[type(part)](part)
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


def _key_messages(part: KeyMessagesPart) -> list[str]:
    lines = [f"## {escape(part.title)}", ""]
    if part.introduction:
        lines += [inline(part.introduction), ""]
    lines += [f"{i}. {inline(m)}" for i, m in enumerate(part.messages, start=1)] + [""]
    if part.asks:
        lines += [f"### {escape(part.asks_title)}", ""]
        lines += [f"- {inline(a)}" for a in part.asks] + [""]
    return lines


def _country(part: CountryBox) -> list[str]:
    lines = [f"## {escape(part.title)}", ""]
    for row in part.instruments:
        details = "; ".join(f"{escape(label)} {escape(value)}" for label, value in row.details)
        lines.append(f"- **{escape(row.name)}:** {inline(row.status)}" + (f" ({details})" if details else ""))
    lines.append("")
    if part.facts:
        lines += [f"- {inline(fact)}" for fact in part.facts] + [""]
    return lines


def _comparison(part: ComparisonTable) -> list[str]:
    head = "| " + " | ".join(escape(h) for h in part.headers) + " |"
    rule = "|" + "|".join("---" for _ in part.headers) + "|"
    rows = ["| " + " | ".join(escape(c) for c in row) + " |" for row in part.rows]
    return [f"## {escape(part.title)}", "", head, rule, *rows, ""]


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
        lines = [f"> **{inline(block.title)}**", ">"]
        for i, paragraph in enumerate(block.paragraphs):
            lines += ([">"] if i else []) + [f"> {inline(paragraph)}"]
        return [*lines, ""]
    if isinstance(block, BHeading):
        # an HTML anchor gives the heading the same link target as in the PDF
        return [f'<a id="{block.anchor}"></a>', "", f"{'#' * block.level} {inline(block.text)}", ""]
    if isinstance(block, BList):
        return [*_list(block), ""]
    if isinstance(block, BTable):
        return _table(block, brief)
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


def _caption(label: str, caption: BriefText, brief: Brief) -> list[str]:
    if not label and not caption:
        return []
    lead = brief.words.label.format(label=label) if caption else label
    return [(f"**{escape(lead)}** " if label else "") + inline(caption), ""]


def _cell(text: BriefText) -> str:
    return inline(text).replace("\n", " ") or " "


def _table(block: BTable, brief: Brief) -> list[str]:
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
    source = [inline(block.source), ""] if block.source else []
    return [*_caption(block.label, block.caption, brief), *lines, *source]


def _figure(block: BFigure, brief: Brief, media: str) -> list[str]:
    target = f"{media}/{block.name}" if media else Path(block.image).as_uri()
    image = f"![{escape(block.alt)}]({target.replace(' ', '%20')})"
    source = [inline(block.source), ""] if block.source else []
    return [*_caption(block.label, block.caption, brief), image, "", *source]


PARTS: dict[type, Callable[[Any], list[str]]] = {
    KeyMessagesPart: _key_messages,
    CountryBox: _country,
    ComparisonTable: _comparison,
}


__all__ = ["render_markdown"]
