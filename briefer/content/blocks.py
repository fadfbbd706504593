"""Read one block of a section: paragraph, definition, sidebar, pull quote and, from content
format 2, heading, list, table and figure; with the tags every kind of block may carry.

Imports the content model and the reading helpers; no Qt, no ReportLab.
"""

from __future__ import annotations

from collections.abc import Callable

from briefer.content.fields import Record, read_inline
from briefer.content.iso3166 import ALPHA2
from briefer.content.located import LDict, LList, Where
from briefer.content.model import (
    Block,
    BlockTags,
    Definition,
    Heading,
    ItemList,
    ListItem,
    Paragraph,
    PullQuote,
    Sidebar,
)
from briefer.content.reading import Reading
from briefer.content.tables import read_figure, read_table
from briefer.content.texts import read_title

FORMAT_1_KINDS = ("paragraph", "definition", "sidebar", "pullquote")
BLOCK_KINDS = (*FORMAT_1_KINDS, "heading", "list", "table", "figure")
TAG_KEYS = ("id", "countries", "only_for_countries", "only_for_audiences")
LIST_STYLES = ("bullet", "numbered")

Reader = Callable[[Reading, Record, str, BlockTags], Block | None]


def read_block(reading: Reading, value: object, where: Where, default_id: str) -> Block | None:
    kinds_here = BLOCK_KINDS if reading.fmt >= 2 else FORMAT_1_KINDS
    if not isinstance(value, LDict):
        reading.p.error(where, f"a block must be a mapping with one of: {', '.join(kinds_here)}")
        return None
    kinds = [k for k in value if k in BLOCK_KINDS]
    if len(kinds) != 1:
        found = ", ".join(kinds) if kinds else "none"
        reading.p.error(where, f"a block needs exactly one of {', '.join(kinds_here)} (found: {found})")
        return None
    kind = kinds[0]
    if kind not in kinds_here:
        reading.p.error(value.key_where[kind], f"a {kind} block needs content format 2: add 'format: 2' to report.yaml")
        return None
    extra = ("level",) if kind == "heading" else ()
    r = Record(value, where, f"a {kind} block", reading.p, required=(kind,), optional=(*TAG_KEYS, *extra))
    block_id = r.ident("id") or default_id
    tags = BlockTags(
        countries=country_refs(reading, r, "countries"),
        only_for_countries=country_refs(reading, r, "only_for_countries"),
        only_for_audiences=reading.id_refs(r, "only_for_audiences", "audience"),
    )
    return READERS[kind](reading, r, block_id, tags)


def country_refs(reading: Reading, r: Record, key: str) -> tuple[str, ...]:
    """Country codes, each of which must have an entry in countries.yaml. Format 1 let the
    `countries` tag name any country; there an undefined one is only a warning."""
    codes = r.strings(key)
    for code in codes:
        if code not in ALPHA2:
            reading.p.error(r.place(key), f"{code!r} is not an ISO 3166 alpha-2 country code like 'FI'")
        elif key == "countries" and reading.fmt < 2:
            reading.soft_ref("country", code, r.place(key))
        else:
            reading.ref("country", code, r.place(key))
    return codes


def _paragraph(reading: Reading, r: Record, block_id: str, tags: BlockTags) -> Block:
    return Paragraph(block_id, r.inline("paragraph"), tags)


def _pullquote(reading: Reading, r: Record, block_id: str, tags: BlockTags) -> Block:
    return PullQuote(block_id, r.inline("pullquote"), tags)


def _definition(reading: Reading, r: Record, block_id: str, tags: BlockTags) -> Block:
    d = Record(r.raw("definition"), r.place("definition"), "a definition", reading.p, required=("term", "text"))
    _, term = read_title(d, "term", reading.fmt)
    return Definition(block_id, term, d.inline("text"), tags)


def _sidebar(reading: Reading, r: Record, block_id: str, tags: BlockTags) -> Block:
    s = Record(r.raw("sidebar"), r.place("sidebar"), "a sidebar", reading.p, required=("title", "paragraphs"))
    title, title_text = read_title(s, "title", reading.fmt)
    paragraphs = tuple(
        read_inline(item, item_where, "a sidebar paragraph", reading.p) for item, item_where in s.items("paragraphs")
    )
    if s.has("paragraphs") and not paragraphs:
        reading.p.error(s.place("paragraphs"), "a sidebar needs at least one paragraph")
    return Sidebar(block_id, title, paragraphs, tags, title_text)


def _heading(reading: Reading, r: Record, block_id: str, tags: BlockTags) -> Block:
    level = r.integer("level", 3)
    if level not in (3, 4):
        reading.p.error(r.place("level"), f"a heading's level is 3 or 4 (the section title is level 2), not {level}")
    return Heading(block_id, r.inline("heading", notes=False), level if level in (3, 4) else 3, tags)


def _list(reading: Reading, r: Record, block_id: str, tags: BlockTags) -> Block:
    body = r.raw("list")
    if isinstance(body, LList):  # `list: [a, b]`: a bulleted list written short
        short = LDict(items=body)
        short.where, short.key_where = body.where, {"items": body.where}
        lst = Record(short, body.where, "a list", reading.p, optional=("items",))
    else:
        lst = Record(body, r.place("list"), "a list", reading.p, required=("items",), optional=("style",))
    style = lst.text("style") or "bullet"
    if style not in LIST_STYLES:
        reading.p.error(lst.place("style"), f"unknown list style {style!r} (valid: {', '.join(LIST_STYLES)})")
    items = [_list_item(reading, item, where) for item, where in lst.items("items")]
    if lst.ok and not items:
        reading.p.error(lst.place("items") if lst.has("items") else lst.where, "a list needs at least one item")
    return ItemList(block_id, tuple(items), style == "numbered", tags)


def _list_item(reading: Reading, value: object, where: Where) -> ListItem:
    if not isinstance(value, LDict):
        return ListItem(read_inline(value, where, "a list item", reading.p))
    item = Record(value, where, "a list item", reading.p, required=("text",), optional=("items",))
    nested = []
    for sub, sub_where in item.items("items"):
        if isinstance(sub, LDict | LList):
            reading.p.error(sub_where, "lists nest one level only: a nested item is text")
            continue
        nested.append(read_inline(sub, sub_where, "a nested list item", reading.p))
    if item.has("items") and not nested and item.ok:
        reading.p.error(item.place("items"), "a list item's 'items' needs at least one item")
    return ListItem(item.inline("text"), tuple(nested))


def _table(reading: Reading, r: Record, block_id: str, tags: BlockTags) -> Block | None:
    return read_table(reading, r, block_id, tags)


def _figure(reading: Reading, r: Record, block_id: str, tags: BlockTags) -> Block | None:
    return read_figure(reading, r, block_id, tags)


READERS: dict[str, Reader] = {
    "paragraph": _paragraph,
    "pullquote": _pullquote,
    "definition": _definition,
    "sidebar": _sidebar,
    "heading": _heading,
    "list": _list,
    "table": _table,
    "figure": _figure,
}
