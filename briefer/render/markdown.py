"""Render a Brief as Markdown with Pandoc-style notes, for email and screen readers.

Imports the brief model only. Markdown's own characters in the text are escaped, so text
prints as typed.
"""

from __future__ import annotations

import re

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
    Part,
    SectionPart,
)

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
    lines: list[str] = [f"# {escape(brief.title)}", ""]
    if brief.subtitle:
        lines += [f"*{escape(brief.subtitle)}*", ""]
    facts = []
    if brief.audience_name:
        facts.append(f"Briefing for {escape(brief.audience_name)}")
    if brief.country_names:
        facts.append("Country focus: " + ", ".join(escape(n) for n in brief.country_names))
    prepared = brief.prepared_for.line()
    if prepared:
        facts.append("Prepared for " + escape(prepared))
    facts.append("Based on " + inline(brief.report_citation))
    lines += [f"{fact}  " for fact in facts[:-1]] + [facts[-1], ""]
    if brief.cover_note:
        lines += [protect_line_starts(escape(brief.cover_note)), ""]
    for part in brief.parts:
        lines += _part(part)
    if brief.notes:
        lines += ["## Notes", ""] if brief.layout.notes == "end" else []
        for note in brief.notes:
            lines.append(f"[^{note.number}]: {inline(note.text)}")
        lines.append("")
    if brief.sources:
        lines += ["## Sources", ""]
        lines += [f"- {inline(s.text)}" for s in brief.sources]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _part(part: Part) -> list[str]:
    if isinstance(part, KeyMessagesPart):
        lines = [f"## Key messages for {escape(part.audience_name)}", ""]
        if part.introduction:
            lines += [inline(part.introduction), ""]
        lines += [f"{i}. {inline(m)}" for i, m in enumerate(part.messages, start=1)] + [""]
        if part.asks:
            lines += [f"### {escape(part.asks_title)}", ""]
            lines += [f"- {inline(a)}" for a in part.asks] + [""]
        return lines
    if isinstance(part, CountryBox):
        lines = [f"## Country focus: {escape(part.name)}", ""]
        for row in part.treaties:
            dates = "; ".join(f"{label}: {escape(value)}" for label, value in row.dates)
            lines.append(f"- **{escape(row.treaty_name)}:** {inline(row.status)}" + (f" ({dates})" if dates else ""))
        lines.append("")
        if part.facts:
            lines += [f"- {inline(fact)}" for fact in part.facts] + [""]
        return lines
    if isinstance(part, ComparisonTable):
        head = "| " + " | ".join(escape(h) for h in part.headers) + " |"
        rule = "|" + "|".join("---" for _ in part.headers) + "|"
        rows = ["| " + " | ".join(escape(c) for c in row) + " |" for row in part.rows]
        return ["## Treaty status compared", "", head, rule, *rows, ""]
    assert isinstance(part, SectionPart)
    lines = [f"## {escape(part.title)}", ""]
    for block in part.blocks:
        if isinstance(block, BParagraph):
            lines += [inline(block.text), ""]
        elif isinstance(block, BDefinition):
            lines += [f"**{escape(block.term)}** {inline(block.text)}", ""]
        elif isinstance(block, BPullQuote):
            lines += [f"> *{inline(block.text)}*", ""]
        elif isinstance(block, BSidebar):
            lines += [f"> **{escape(block.title)}**", ">"]
            for i, paragraph in enumerate(block.paragraphs):
                lines += ([">"] if i else []) + [f"> {inline(paragraph)}"]
            lines.append("")
    if part.attribution:
        lines += [f"— {escape(part.attribution)}", ""]
    return lines


__all__ = ["render_markdown"]
