"""Problems only layout can find, checked for every paper and print size a brief may use:
a table whose words cannot fit the text width (an error: it would print clipped or broken
mid-word), an image the renderer cannot decode (an error), and a figure printed below 150 dpi
(a warning). Each is reported at the block's place in its section file.

Imports ReportLab (through briefer.render modules) and the content model.
"""

from __future__ import annotations

import functools
import io
import warnings
from collections.abc import Sequence
from pathlib import Path

from PIL import Image

from briefer.content.images import MAX_IMAGE_BYTES
from briefer.content.located import Where
from briefer.content.model import Figure, Report, Table
from briefer.content.problems import Problem, Problems
from briefer.inputs import InputError, read_input
from briefer.render.figures import figure_size
from briefer.render.styles import Styles, build_styles
from briefer.render.tables import PADDING, longest_word
from briefer.tailor.brief import Layout
from briefer.tailor.recipe import PageSize

MIN_DPI = 150  # below this a printed image looks soft
LAYOUTS = tuple(Layout(page_size=size, large_print=large) for size in PageSize for large in (False, True))


def check_layout(report: Report) -> list[Problem]:
    problems = Problems()
    for section in report.sections:
        for block in section.blocks:
            if isinstance(block, Table):
                _check_table(block, problems)
            elif isinstance(block, Figure):
                _check_figure(block, problems)
    return problems.items


def _name(layout: Layout) -> str:
    return layout.page_size.label + (", large print" if layout.large_print else "")


def _check_table(table: Table, problems: Problems) -> None:
    """The narrowest text block decides: each column needs room for its longest word."""
    worst: tuple[float, float, Layout] | None = None
    for layout in LAYOUTS:
        styles = build_styles(layout)
        cells = [*table.header, *table.rows]
        need: float = sum(_column_need(cells, i, styles) for i in range(len(table.columns)))
        room: float = styles.metrics.frame_width
        if need > room and (worst is None or need - room > worst[0] - worst[1]):
            worst = (need, room, layout)
    if worst is not None:
        need, room, layout = worst
        problems.error(
            _where(table.where),
            f"table {table.id!r} cannot fit the text width ({_name(layout)}): its columns' longest words need "
            f"{need:.0f} pt and the text is {room:.0f} pt wide; give it fewer columns or break its longest words",
        )


def _column_need(cells: Sequence[Sequence[Sequence[object]]], column: int, styles: Styles) -> float:
    texts = [row[column] for row in cells if column < len(row)]
    return longest_word(texts, styles.table_cell, styles) + 2 * PADDING + 1


def _check_figure(figure: Figure, problems: Problems) -> None:
    if not figure.pixels[0]:
        return  # the loader has reported the image already
    reason = _undecodable(figure.image, figure.digest)
    if reason:
        problems.error(_where(figure.where), f"the image {figure.name} cannot be read: {reason}")
        return
    lowest = min(
        (figure.pixels[0] / (figure_size(figure.pixels, figure.width, build_styles(layout).metrics)[0] / 72), layout)
        for layout in LAYOUTS
    )
    dpi, layout = lowest
    if dpi < MIN_DPI:
        problems.warn(
            _where(figure.where),
            f"the image {figure.name} prints at {dpi:.0f} dpi ({_name(layout)}); "
            f"{MIN_DPI} dpi or more prints sharply: use a larger image or a smaller 'width'",
        )


@functools.lru_cache(maxsize=256)
def _undecodable(path: Path, digest: str) -> str:
    """Why the renderer (ReportLab, through Pillow) cannot read the image, or "" when it can.
    Pillow's verify reads the whole file's structure without decoding it: a cut-off or damaged
    file fails here rather than in the middle of a build. Remembered per file and content
    (`digest`, taken when the report was read); a file changed since is read again."""
    try:
        data = read_input(path, MAX_IMAGE_BYTES, "the image")
        with warnings.catch_warnings():
            # Pillow only warns of a possible decompression bomb below twice its limit: refuse it
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                image.verify()
    except InputError as exc:
        return str(exc)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return "it has more pixels than an image may have (it would take gigabytes to decode)"
    except Exception as exc:  # noqa: BLE001 - Pillow raises many kinds for a damaged image
        return str(exc) or type(exc).__name__
    return ""


def _where(where: Where | None) -> Where:
    return where if where is not None else Where("sections", 1, 1)
