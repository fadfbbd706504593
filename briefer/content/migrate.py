"""Rewrite a format-1 content folder as format 2, keeping every comment and every line it need not
touch; the rewritten folder must read back as the same report before anything is written.

What changes: report.yaml gains `format: 2` and declares its treaties as `status` (the fields
and headings format 1 implied); countries.yaml says `status:` for `treaties:`; a title, term or
name holding inline markup characters (* [ ] \\) is written with escapes, as format 2 reads them
as markup; a `countries:` tag loses the countries countries.yaml does not define (format 2
refuses them; in format 1 they could never take effect). Imports this package and briefer.output.
"""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from briefer.content.load import check_report
from briefer.content.located import Where
from briefer.content.model import Block, Report
from briefer.content.problems import ContentError, Problem
from briefer.content.status import TREATY_FIELDS, TREATY_HEADINGS
from briefer.output import OutputError, write_atomically

_MARKUP = re.compile(r"[\\*\[\]]")
_PLAIN = re.compile(r"[A-Za-z][\w ,.'’()/–—-]*")
_YAML_WORDS = {"yes", "no", "on", "off", "y", "n", "true", "false", "null"}

# keys whose text format 2 reads as inline markup (titles) or takes escapes in (names), per file
SECTION_KEYS = ("title", "summary", "attribution")
BLOCK_TEXT_KEYS = {"definition": ("term",), "sidebar": ("title",)}
AUDIENCE_KEYS = ("name", "needs")
COUNTRY_KEYS = ("name",)
REPORT_KEYS = ("title", "subtitle", "short_title", "publisher")


@dataclass
class Migration:
    """The rewritten text of each file that changes, and what a person should know about it."""

    texts: dict[Path, str] = field(default_factory=dict)  # relative path -> new text
    notices: list[str] = field(default_factory=list)


@dataclass
class _Edits:
    """Replacements of spans of one file's text, applied from the end so offsets stay valid."""

    text: str
    name: str  # the file, as messages name it
    spans: list[tuple[int, int, str]] = field(default_factory=list)

    def replace(self, start: int, end: int, new: str) -> None:
        self.spans.append((start, end, new))

    def result(self) -> str:
        text = self.text
        for start, end, new in sorted(self.spans, reverse=True):
            text = text[:start] + new + text[end:]
        return text


def plan_migration(folder: Path) -> Migration:
    """The format-2 text of every file that changes; raises ContentError when the folder is not
    valid format-1 content (fix it first: migration keeps the report exactly as it reads)."""
    report, problems = check_report(folder)
    if report is None:
        raise ContentError(problems)
    if report.format >= 2:
        return Migration(notices=[f"{folder} is already content format {report.format}; nothing to do"])
    defined = {c.code for c in report.countries}
    migration = Migration()
    _migrate_file(folder, "report.yaml", migration, lambda e, n: _report(e, n, report))
    for path in sorted((folder / "sections").glob("*.y*ml")):
        _migrate_file(folder, str(path.relative_to(folder)), migration, lambda e, n: _section(e, n, defined, migration))
    _migrate_file(folder, "audiences.yaml", migration, _audiences)
    _migrate_file(folder, "countries.yaml", migration, _countries)
    return migration


def migrate(folder: Path, output: Path | None = None) -> Migration:
    """Rewrite `folder` in place, or as a new folder `output`, after checking that the rewritten
    content reads back as the same report. Nothing is written when the check fails."""
    folder = Path(folder)
    migration = plan_migration(folder)
    if output is not None and output.exists() and any(output.iterdir()):
        raise OutputError(f"cannot migrate to {output}: the folder exists and is not empty")
    with tempfile.TemporaryDirectory(prefix="briefer-migrate-") as temp:
        trial = Path(temp) / folder.name
        shutil.copytree(folder, trial)
        for relative, text in migration.texts.items():
            (trial / relative).write_text(text, encoding="utf-8")
        _check_same(folder, trial)
        if output is not None:
            shutil.copytree(trial, output, dirs_exist_ok=True)
            return migration
    for relative, text in migration.texts.items():
        write_atomically(folder / relative, text.encode("utf-8"))
    return migration


def _check_same(original: Path, migrated: Path) -> None:
    """The migrated folder must read as format 2 and give the same report (tags pruned aside)."""
    before, _ = check_report(original)
    after, problems = check_report(migrated)
    if after is None or before is None:
        shown = [Problem(Where(p.where.file, p.where.line, p.where.col), p.message) for p in problems]
        raise ContentError([Problem(Where(str(original), 0, 0), "the migrated content does not load"), *shown])
    defined = {c.code for c in before.countries}
    expected = dataclasses.replace(
        before,
        format=after.format,
        sections=tuple(
            dataclasses.replace(s, blocks=tuple(_pruned(b, defined) for b in s.blocks)) for s in before.sections
        ),
    )
    if expected != after:
        raise ContentError([Problem(Where(str(original), 0, 0), _difference(expected, after))])


def _pruned(block: Block, defined: set[str]) -> Block:
    tags = dataclasses.replace(block.tags, countries=tuple(c for c in block.tags.countries if c in defined))
    return dataclasses.replace(block, tags=tags)


def _difference(expected: Report, got: Report) -> str:
    for name in (f.name for f in dataclasses.fields(Report)):
        if getattr(expected, name) != getattr(got, name):
            return f"migration would change the report's {name}; nothing was written (please report this)"
    return "migration would change the report; nothing was written"


# --- one file --------------------------------------------------------------------------------


def _migrate_file(folder: Path, relative: str, migration: Migration, edit: object) -> None:
    path = folder / relative
    if not path.is_file():
        return
    text = path.read_text(encoding="utf-8-sig")
    node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if not isinstance(node, yaml.MappingNode):
        return
    edits = _Edits(text, str(folder.name / Path(relative)))
    edit(edits, node)  # type: ignore[operator]
    new = edits.result()
    if new != text:
        migration.texts[Path(relative)] = new


def _items(node: yaml.Node) -> Iterator[tuple[yaml.ScalarNode, yaml.Node]]:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                yield key, value


def _get(node: yaml.Node, name: str) -> yaml.Node | None:
    return next((value for key, value in _items(node) if key.value == name), None)


def _escape_values(edits: _Edits, node: yaml.Node, keys: tuple[str, ...]) -> None:
    """Write text that holds markup characters with format 2's escapes, so it prints as before."""
    for key, value in _items(node):
        if key.value in keys and isinstance(value, yaml.ScalarNode) and _MARKUP.search(value.value):
            escaped = _MARKUP.sub(lambda m: "\\" + m.group(), value.value)
            edits.replace(value.start_mark.index, value.end_mark.index, _scalar(escaped))


def _scalar(text: str) -> str:
    """A YAML scalar for `text`: plain when it reads back unchanged, else double-quoted."""
    if _PLAIN.fullmatch(text) and text.lower() not in _YAML_WORDS and ": " not in text and " #" not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


def _report(edits: _Edits, node: yaml.MappingNode, report: Report) -> None:
    first = node.value[0][0]
    edits.replace(first.start_mark.index, first.start_mark.index, "format: 2\n")
    _escape_values(edits, node, REPORT_KEYS)
    for key, value in _items(node):
        if key.value == "treaties":
            edits.replace(key.start_mark.index, value.end_mark.index, _status_block(report, key.start_mark.column))


def _status_block(report: Report, indent: int) -> str:
    pad = " " * indent
    lines = ["status:"]
    lines += [f"  {name}: {_scalar(label)}" for name, label in TREATY_HEADINGS.items()]
    lines.append("  instruments:")
    for instrument in report.instruments:
        lines += [
            f"    - id: {instrument.id}",
            f"      name: {_scalar(instrument.name)}",
            f"      short: {_scalar(instrument.short)}",
            "      fields:",
        ]
        for f in TREATY_FIELDS:
            qualifies = f", qualifies: {f.qualifies}" if f.qualifies else ""
            lines.append(f"        - {{id: {f.id}, label: {f.label}, type: {f.type}{qualifies}}}")
    return ("\n" + pad).join(lines) + "\n"


def _section(edits: _Edits, node: yaml.MappingNode, defined: set[str], migration: Migration) -> None:
    _escape_values(edits, node, SECTION_KEYS)
    blocks = _get(node, "blocks")
    for block in blocks.value if isinstance(blocks, yaml.SequenceNode) else ():
        for kind, keys in BLOCK_TEXT_KEYS.items():
            body = _get(block, kind)
            if body is not None:
                _escape_values(edits, body, keys)
        _prune_countries(edits, block, defined, migration)


def _prune_countries(edits: _Edits, block: yaml.Node, defined: set[str], migration: Migration) -> None:
    pairs = list(_items(block))
    for index, (key, value) in enumerate(pairs):
        if key.value != "countries" or not isinstance(value, yaml.SequenceNode):
            continue
        codes = [item.value for item in value.value if isinstance(item, yaml.ScalarNode)]
        kept = [c for c in codes if c in defined]
        if kept == codes:
            continue
        gone = ", ".join(c for c in codes if c not in defined)
        migration.notices.append(
            f"{edits.name}:{key.start_mark.line + 1}: removed from the countries tag, as countries.yaml "
            f"does not define them: {gone}"
        )
        if kept:
            edits.replace(value.start_mark.index, value.end_mark.index, "[" + ", ".join(_code(c) for c in kept) + "]")
        elif index + 1 < len(pairs):  # remove the key, up to the next key of the block
            edits.replace(key.start_mark.index, pairs[index + 1][0].start_mark.index, "")
        else:
            line_start = edits.text.rfind("\n", 0, key.start_mark.index) + 1
            edits.replace(line_start, value.end_mark.index, "")


def _code(code: str) -> str:
    return f'"{code}"' if code.lower() in _YAML_WORDS else code


def _audiences(edits: _Edits, node: yaml.MappingNode) -> None:
    audiences = _get(node, "audiences")
    for audience in audiences.value if isinstance(audiences, yaml.SequenceNode) else ():
        _escape_values(edits, audience, AUDIENCE_KEYS)
        asks = _get(audience, "asks")
        if asks is not None:
            _escape_values(edits, asks, ("title",))


def _countries(edits: _Edits, node: yaml.MappingNode) -> None:
    countries = _get(node, "countries")
    for country in countries.value if isinstance(countries, yaml.SequenceNode) else ():
        _escape_values(edits, country, COUNTRY_KEYS)
        for key, value in _items(country):
            if key.value == "treaties":
                edits.replace(key.start_mark.index, key.end_mark.index, "status")
                for _, status in _items(value):
                    _escape_values(edits, status, ("status", "how"))
