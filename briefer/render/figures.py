"""A figure: its caption, the image scaled to the column (and to the page), and its source,
kept together on one page.

Imports ReportLab, the brief model and briefer.render modules.
"""

from __future__ import annotations

import io

from reportlab.platypus import Flowable, Image

from briefer.content.images import MAX_IMAGE_BYTES
from briefer.content.located import Where
from briefer.content.problems import ContentError, Problem
from briefer.inputs import InputError, read_input
from briefer.render.boxes import Box
from briefer.render.context import Context, emphasised
from briefer.render.structure import tag_figure
from briefer.render.styles import Metrics
from briefer.render.tagging import Marked
from briefer.tailor.brief import BFigure

MAX_HEIGHT = 0.6  # of the text block's height: a figure leaves room for its caption and notes


def figure_size(pixels: tuple[int, int], share: float, metrics: Metrics) -> tuple[float, float]:
    """The printed width and height in points: `share` of the text width, lower if it would be too tall."""
    width_px, height_px = pixels
    width = metrics.frame_width * share
    height = width * height_px / max(width_px, 1)
    limit = metrics.frame_height * MAX_HEIGHT
    if height > limit:
        width, height = width * limit / height, limit
    return width, height


def figure_flowables(block: BFigure, ctx: Context) -> list[Flowable]:
    s = ctx.styles
    width, height = figure_size(block.pixels, block.width, s.metrics)
    content: list[Flowable] = []
    caption = ctx.caption(block.label, block.caption)
    if caption is not None:
        content.append(caption)
    # a Figure with the content's alt text, its caption its first child
    picture = Image(io.BytesIO(_image_data(block)), width=width, height=height)
    image = Marked(picture, tag_figure(ctx.parent, block.alt, caption))
    image.hAlign = "CENTER"
    content.append(image)
    if block.source:
        content.append(ctx.text(block.source, "source_line"))
    style = ctx.boxes["figure"]
    return [Box(content, emphasised(style, ctx) if block.emphasised else style)]


def _image_data(block: BFigure) -> bytes:
    """The image's bytes, read as every input is (a regular file, within the size limit): the
    report was checked when read, but the file may have been replaced since."""
    try:
        return read_input(block.image, MAX_IMAGE_BYTES, "the image")
    except InputError as exc:
        raise ContentError([Problem(Where(block.name, 0, 0), f"the image {block.name} cannot be read: {exc}")]) from exc
