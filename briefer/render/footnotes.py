"""Notes at the foot of the page that carries their markers: NoteFrame shrinks by the room the
notes of a flowable's markers need before placing it; NoteLedger (notes_area.py) lays those
notes out and draws them at the page's end. Imports ReportLab and briefer.render modules.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from enum import Enum

from reportlab.platypus import Flowable, Frame, PageBreak, Paragraph, Table
from reportlab.platypus.doctemplate import ActionFlowable, FrameActionFlowable

from briefer.render.flowtags import tags
from briefer.render.markup import NOTE_KEY_PREFIX
from briefer.render.notes_area import NoteLedger
from briefer.render.structure import cell_flowables

_FUZZ = 1e-6
_HUGE = 1e9
_MAX_TRIES = 64  # bounds the search in NoteFrame.split; it needs a dozen tries at most
_MARK_HREF = "#" + NOTE_KEY_PREFIX  # a marker is a link to its note
# a block that cannot begin on a page whose text block has at least this share left lets the
# last note of its first part run on overleaf, rather than leave that much of the page empty
RUN_ON_ROOM = 0.2


class Fit(Enum):
    """What a split asks of the notes of its first part."""

    WHOLE = "whole"  # each note fits on the page (one longer than the notes' cap begins there)
    RUN_ON = "run-on"  # each begins on the page; the last may run on overleaf
    LOOSE = "loose"  # some may begin overleaf (only at the top of a page, where nothing else fits)


# --- which notes a flowable carries ---------------------------------------------------


def marks_of(flowable: Flowable) -> tuple[int, ...]:
    """The note numbers whose markers the flowable (or split part) prints, in order."""
    cached = tags(flowable).marks
    if cached is not None:
        return cached
    children = getattr(flowable, "child_flowables", None)
    if children is not None:
        marks = _union(marks_of(c) for c in children())
    elif isinstance(flowable, Paragraph):
        marks = _paragraph_marks(flowable)
    elif isinstance(flowable, Table):
        marks = _union(marks_of(c) for row in flowable._cellvalues for cell in row for c in cell_flowables(cell))
    else:
        marks = ()
    tags(flowable).marks = marks
    return marks


def _union(groups: Iterable[tuple[int, ...]]) -> tuple[int, ...]:
    return tuple(dict.fromkeys(m for group in groups for m in group))


def _paragraph_marks(paragraph: Paragraph) -> tuple[int, ...]:
    """Markers are links to '#note-N' (see markup.py). A whole paragraph keeps its parsed fragments; a split
    part keeps words as [width, (fragment, text), ...] lists, so both shapes are read."""
    marks: dict[int, None] = {}
    for frag in paragraph.frags:
        if isinstance(frag, list):
            pieces = [item[0] for item in frag[1:] if isinstance(item, tuple) and item[1]]
        else:
            pieces = [frag]
        for piece in pieces:
            for link in getattr(piece, "link", None) or ():
                href = link[-1] if isinstance(link, tuple) else link
                if isinstance(href, str) and href.startswith(_MARK_HREF):
                    marks[int(href[len(_MARK_HREF) :])] = None
    return tuple(marks)


# --- the body frame ---------------------------------------------------------------------


class NoteFrame(Frame):
    """A frame whose bottom rises by the room its page's notes need."""

    def __init__(self, ledger: NoteLedger, step: float, *args: object, **kwargs: object) -> None:
        # set before Frame.__init__, which calls _reset
        self.__dict__["ledger"] = ledger
        self.__dict__["step"] = step  # a body line: how far a marker is pushed per try
        self.__dict__["_reserved"] = 0.0
        self.__dict__["_floor"] = 0.0
        self.__dict__["_searches"] = {}
        super().__init__(*args, **kwargs)

    def _set_reserved(self, height: float) -> None:
        self._reserved = max(height, self._floor)
        self._y1p = self._y1 + self._bottomPadding + self._reserved

    def _reset(self) -> None:
        super()._reset()
        self._floor = 0.0
        # a heading's trial and the real placement that follows it ask the same question
        self._searches: dict[tuple[object, ...], tuple[Flowable, list[Flowable], float]] = {}
        self._set_reserved(self.ledger.reserve(self.ledger.placed, strict=False) or 0.0)

    def add(self, flowable: Flowable, canv: object, trySplit: int = 0) -> int:  # noqa: N803
        ledger = self.ledger
        new = ledger.new_marks(marks_of(flowable))
        if not new:
            return Frame.add(self, flowable, canv, trySplit)
        flow_tags = tags(flowable)
        room = flow_tags.notes_room
        need = room if room is not None else ledger.reserve(ledger.placed + new, strict=not flow_tags.notes_may_wait)
        if need is None:
            return 0
        base = self._reserved
        self._set_reserved(need)
        if Frame.add(self, flowable, canv, trySplit):
            ledger.commit(new)
            if room is not None:
                ledger.limit_page(room)
            return 1
        self._set_reserved(base)
        return 0

    def split(self, flowable: Flowable, canv: object) -> list[Flowable]:
        """Split so that the first part and the notes of its markers fit on the page together.

        Reserving more room for notes leaves a shorter first part, which carries the same or
        fewer markers, so each reserve r is one of three states in this order as r grows:
        too small for the notes of the part that fits, enough (feasible), or so large that
        nothing fits. Search for the smallest feasible r: jump to the room the part's notes
        ask for while nothing feasible is known, then bisect. The room found stays reserved
        for the rest of the page, so the remainder cannot slip into a gap above the notes.

        When what fits with every note whole would leave a fifth of the text block or more
        empty, the last note of a larger first part may begin on the page and run on, if
        that places more of the text.
        """
        best, reserve = self._search(flowable, canv, Fit.WHOLE)
        if not self._atTop and self._gap_after(best, canv) >= RUN_ON_ROOM * (self._y2 - self._y1):
            run_on, room = self._search(flowable, canv, Fit.RUN_ON)
            if run_on and (not best or self._height_of(run_on[0], canv) > self._height_of(best[0], canv)):
                best, reserve = run_on, room
                tags(best[0]).notes_room = room
        if not best and self._atTop:
            # nothing fits at the top of a page: rather than loop, let some note begin overleaf
            best, reserve = self._search(flowable, canv, Fit.LOOSE)
            if best:
                tags(best[0]).notes_may_wait = True
        if best:
            self._floor = max(self._floor, reserve)
            self._set_reserved(self._reserved)
        return best

    def _height_of(self, flowable: Flowable, canv: object) -> float:
        return float(flowable.wrapOn(canv, self._getAvailableWidth(), _HUGE)[1])

    def _gap_after(self, parts: list[Flowable], canv: object) -> float:
        """The empty text block a split would leave above the notes as they will be drawn (the
        room reserved to push a marker over may be larger); none for a frame break."""
        if not parts:
            return float(self._y - self._y1p)
        if isinstance(parts[0], ActionFlowable):
            return 0.0
        ledger = self.ledger
        notes = ledger.reserve(ledger.placed + ledger.new_marks(marks_of(parts[0])), strict=False) or 0.0
        bottom = self._y1 + self._bottomPadding + max(notes, self._floor)
        return float(self._y - bottom - self._height_of(parts[0], canv) - parts[0].getSpaceBefore())

    def _search(self, flowable: Flowable, canv: object, fit: Fit) -> tuple[list[Flowable], float]:
        # A heading first asks whether what follows it can start (can_start_at), then the
        # frame places it from that very state: the second search reuses the first's answer.
        key = (
            id(flowable),
            fit,
            round(self._y, 3),
            self._atTop,
            round(self._prevASpace, 3),
            round(self._reserved, 3),
            len(self.ledger.placed),
        )
        remembered = self._searches.pop(key, None)
        if remembered is not None and remembered[0] is flowable:
            _, best, best_reserve = remembered
        else:
            best, best_reserve = self._bisect(flowable, canv, fit)
            self._searches[key] = (flowable, best, best_reserve)
        return list(best), best_reserve

    def _bisect(self, flowable: Flowable, canv: object, fit: Fit) -> tuple[list[Flowable], float]:
        base = self._reserved
        known_short, known_enough = base, None  # largest r too small, smallest r feasible or empty
        best: list[Flowable] = []
        best_reserve = base
        reserve = base
        try:
            for _ in range(_MAX_TRIES):
                parts, need = self._try_split(flowable, canv, reserve, fit)
                if parts and need is not None and need <= reserve + _FUZZ:
                    best, best_reserve, known_enough = parts, reserve, reserve
                elif not parts:
                    known_enough = reserve
                else:
                    known_short = reserve
                if known_enough is not None and known_enough - known_short <= self.step / 3:
                    break
                if known_enough is None:
                    # its notes cannot start here at all: move the marker on by a line
                    reserve = need if need is not None and need > reserve else reserve + self.step
                else:
                    reserve = (known_short + known_enough) / 2
        finally:
            self._set_reserved(base)
        return best, best_reserve

    def _try_split(
        self, flowable: Flowable, canv: object, reserve: float, fit: Fit
    ) -> tuple[list[Flowable], float | None]:
        """The parts a split gives with `reserve` set aside, and the room their notes need
        (None when some of those notes could not begin on this page)."""
        self._set_reserved(reserve)
        parts = Frame.split(self, flowable, canv)
        if not parts:
            return parts, None
        ledger = self.ledger
        new = ledger.new_marks(marks_of(parts[0]))
        if not new:
            return parts, 0.0
        if fit is Fit.RUN_ON:
            need = ledger.run_on_need(ledger.placed + new)
            return parts, need if need <= ledger.cap + ledger.rule_above + ledger.rule_below else None
        return parts, ledger.reserve(ledger.placed + new, strict=fit is Fit.WHOLE)


class NotesFlush(FrameActionFlowable):
    """Ends the story: adds pages while notes still run on from the last page.

    A frame action, not a flowable with a place: the frame runs it without asking for room. A
    zero-size flowable would ask, and when the last line's space after has taken the cursor
    past the foot of the text block, it would not fit and start a blank page of its own.
    """

    def __init__(self, ledger: NoteLedger) -> None:
        self.ledger = ledger

    def frameAction(self, frame: Frame) -> None:  # noqa: N802 (ReportLab's name)
        if self.ledger.overflows():
            frame.add_generated_content(PageBreak(), NotesFlush(self.ledger))


# --- trial placements --------------------------------------------------------------------

# What a trial split may change on a frame: ReportLab's cursor, and a NoteFrame's reserve.
_TRIAL_STATE = frozenset({"_y", "_atTop", "_prevASpace", "_y1p", "_reserved", "_floor"})


@contextlib.contextmanager
def trial_cursor(frame: Frame, y: float, space_above: float) -> Iterator[None]:
    """Put the frame's cursor at `y` (not at a page top) for a trial; every field the trial
    may change is put back afterwards, so the real placement starts from the same state."""
    saved = {key: value for key, value in frame.__dict__.items() if key in _TRIAL_STATE}
    frame._y, frame._atTop, frame._prevASpace = y, 0, space_above
    try:
        yield
    finally:
        frame.__dict__.update(saved)
