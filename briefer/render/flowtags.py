"""What briefer records on a ReportLab flowable, declared in one place.

ReportLab's flowables have no room for our bookkeeping. Rather than attributes stuck on from
several modules, a flowable carries at most one FlowTags, made and read through `tags()`.
Imports ReportLab only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

if TYPE_CHECKING:
    from briefer.render.structure import Artifact, Node

_KEY = "_briefer_tags"


@dataclass(slots=True)
class FlowTags:
    note_number: int | None = None  # a note (or the rest of one): the number it prints
    box_heading: bool = False  # a box's title: a split part may not consist of titles alone
    notes_may_wait: bool = False  # a part placed at a page top whose notes may begin overleaf
    notes_room: float | None = None  # a part whose notes get this room on its page, its last running on
    # its role in the tagged PDF (structure.py): the element its content draws, and its bullet's
    node: Node | Artifact | None = None
    label: Node | None = None
    # caches, each valid for the flowable as it is (a split part is a new flowable)
    marks: tuple[int, ...] | None = None  # note numbers whose markers it prints, in order
    note_height: float | None = None  # its height set as a note, at the notes' width
    box_size: tuple[float, float] | None = None  # (width, height) as measured inside a box


def tags(flowable: Flowable) -> FlowTags:
    """The flowable's tags, made on first use. Read through __dict__: a ReportLab flowable
    may answer unknown attributes itself (a split part would inherit its parent's)."""
    found: FlowTags | None = flowable.__dict__.get(_KEY)
    if found is None:
        found = flowable.__dict__[_KEY] = FlowTags()
    return found
