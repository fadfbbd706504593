"""Read the table and figure blocks of content format 2: cells, columns, captions, sources, images.

Imports the content model, the image header reader and the reading helpers; no Qt, no ReportLab.
"""

from __future__ import annotations

from pathlib import Path

from briefer.content.fields import Record, read_inline
from briefer.content.images import ImageError, ImageFacts, read_image
from briefer.content.located import LList, LScalar, LStr, Where
from briefer.content.model import Block, BlockTags, Cite, Column, Figure, Table, Text
from briefer.content.reading import Reading
from briefer.content.texts import read_name

ALIGNS = ("left", "center", "right")
TABLE_KEYS = ("caption", "columns", "header", "source", "number")
FIGURE_KEYS = ("caption", "source", "width", "number")


def read_table(reading: Reading, r: Record, block_id: str, tags: BlockTags) -> Block | None:
    t = Record(r.raw("table"), r.place("table"), "a table", reading.p, required=("rows",), optional=TABLE_KEYS)
    if not t.ok:
        return None
    header = _rows(reading, t, "header", single_row=True)
    rows = _rows(reading, t, "rows")
    if t.has("rows") and not rows:
        reading.p.error(t.place("rows"), "a table needs at least one row")
    columns = _columns(reading, t)
    count = len(columns) if columns else len((header or rows or ((),))[0])
    for key in ("header", "rows"):
        for row, (_, where) in zip(header if key == "header" else rows, t.items(key), strict=False):
            if len(row) != count:
                reading.p.error(where, f"this row has {len(row)} cells; the table has {count} columns")
    return Table(
        id=block_id,
        caption=t.inline("caption"),
        columns=columns or tuple(Column() for _ in range(count)),
        header=header,
        rows=rows,
        source=_source(reading, t),
        number=t.text("number"),
        tags=tags,
        where=r.where,
    )


def _rows(reading: Reading, t: Record, key: str, *, single_row: bool = False) -> tuple[tuple[Text, ...], ...]:
    value = t.raw(key)
    if single_row and isinstance(value, LList) and value and not any(isinstance(v, LList) for v in value):
        return (_cells(reading, value, value.where),)  # `header: [A, B]`: one row written flat
    rows = []
    for item, where in t.items(key):
        if not isinstance(item, LList):
            reading.p.error(where, f"each of a table's {key} is a list of cells, like [A, B]")
            continue
        rows.append(_cells(reading, item, where))
    return tuple(rows)


def _cells(reading: Reading, row: LList, where: Where) -> tuple[Text, ...]:
    cells = []
    for cell in row:
        place = getattr(cell, "where", where)
        empty = (isinstance(cell, LStr) and not cell.strip()) or (isinstance(cell, LScalar) and cell.value is None)
        cells.append(() if empty else read_inline(cell, place, "a table cell", reading.p))
    return tuple(cells)


def _columns(reading: Reading, t: Record) -> tuple[Column, ...]:
    columns = []
    for item, where in t.items("columns"):
        c = Record(item, where, "a column", reading.p, optional=("align", "width"))
        align = c.text("align") or "left"
        if align not in ALIGNS:
            reading.p.error(c.place("align"), f"unknown alignment {align!r} (valid: {', '.join(ALIGNS)})")
            align = "left"
        width = _number(reading, c, "width", 1.0, upper=None)
        columns.append(Column(align, width))
    return tuple(columns)


def _number(reading: Reading, r: Record, key: str, default: float, upper: float | None) -> float:
    """A positive number (at most `upper`), or the default."""
    raw = r.raw(key)
    if raw is None:
        return default
    value = raw.value if isinstance(raw, LScalar) else None
    ok = isinstance(value, int | float) and not isinstance(value, bool) and value > 0
    if not ok or (upper is not None and value > upper):  # type: ignore[operator]
        limit = f" and at most {upper}" if upper is not None else ""
        reading.p.error(r.place(key), f"{key!r} must be a number above 0{limit}")
        return default
    return float(value)  # type: ignore[arg-type]


def _source(reading: Reading, r: Record) -> Text:
    """A table's or figure's source: text and citations of the report's sources."""
    source = r.inline("source", cites=True, notes=False)
    for part in source:
        if isinstance(part, Cite):
            reading.ref("source", part.source_id, r.place("source"))
    return source


def read_figure(reading: Reading, r: Record, block_id: str, tags: BlockTags) -> Block | None:
    f = Record(
        r.raw("figure"), r.place("figure"), "a figure", reading.p, required=("image", "alt"), optional=FIGURE_KEYS
    )
    if not f.ok:
        return None
    name = f.text("image")
    alt = read_name(f, "alt", 2)
    path, facts = _image(reading, name, f.place("image")) if name else (Path(), None)
    return Figure(
        id=block_id,
        image=path,
        name=name,
        alt=alt,
        caption=f.inline("caption"),
        pixels=facts.pixels if facts else (0, 0),
        digest=facts.digest if facts else "",
        source=_source(reading, f),
        width=_number(reading, f, "width", 1.0, upper=1.0),
        number=f.text("number"),
        tags=tags,
        where=r.where,
    )


def _image(reading: Reading, name: str, where: Where) -> tuple[Path, ImageFacts | None]:
    """The image file inside the content folder, its size in pixels and its digest."""
    root = reading.root.resolve()
    path = (root / name).resolve()
    if Path(name).is_absolute() or not path.is_relative_to(root):
        reading.p.error(where, f"the image {name!r} must be a file inside the content folder, named relative to it")
        return path, None
    if not path.exists():
        reading.p.error(where, f"image not found: {name} (looked for {reading.display(path)})")
        return path, None
    try:
        return path, read_image(path)
    except ImageError as exc:
        reading.p.error(where, f"the image {name}: {exc}")
        return path, None
