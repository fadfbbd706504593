"""Notes at the foot of the page that carries their markers: NoteFrame shrinks by the room the
notes of a flowable's markers need before placing it; NoteLedger lays those notes out and
draws them at the page's end. Imports ReportLab and briefer.render.markup.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, PageBreak, Paragraph, Table

from briefer.render.flowtags import tags
from briefer.render.markup import NOTE_KEY_PREFIX
from briefer.render.structure import cell_flowables

_HUGE = 1e9
_FUZZ = 1e-6
_MAX_TRIES = 64  # bounds the search in NoteFrame.split; it needs a dozen tries at most
_MARK_HREF = "#" + NOTE_KEY_PREFIX  # a marker is a link to its note


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


# --- the notes of a page --------------------------------------------------------------


class ContinuedNote(Flowable):
    """The rest of a note that did not fit on its page, under a '(continued)' label."""

    def __init__(self, number: int, label: Flowable, rest: Flowable) -> None:
        super().__init__()
        self.number = number
        tags(self).note_number = number
        self.label = label
        self.rest = rest

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self._label_height = self.label.wrap(availWidth, _HUGE)[1]
        self._rest_height = self.rest.wrap(availWidth, _HUGE)[1]
        self.width, self.height = availWidth, self._label_height + self._rest_height
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self.wrap(availWidth, availHeight)
        parts = self.rest.split(availWidth, availHeight - self._label_height)
        if len(parts) < 2:
            return []
        return [ContinuedNote(self.number, self.label, parts[0]), *parts[1:]]

    def draw(self) -> None:
        self.label.drawOn(self.canv, 0, self._rest_height)
        self.rest.drawOn(self.canv, 0, 0)


class NoteLedger:
    """Which notes each page owes and how much room they take at its foot.

    A page's notes area holds note text carried over from earlier pages, then the notes of
    the page's own markers; together they take at most `cap`. The page's own notes come
    first in the share-out, so a long note running on never keeps a new note off its page.
    `reserve` and `draw` use the same layout, so the room reserved while placing the body is
    exactly the room the notes take when drawn.
    """

    def __init__(
        self,
        notes: Mapping[int, Paragraph],
        continued_label: Callable[[int], Flowable],
        *,
        width: float,
        cap: float,
        gap: float,
        rule_above: float,
        rule_below: float,
        rule_colour: Color,
    ) -> None:
        self._notes = notes
        self._continued_label = continued_label
        self.width = width
        self.cap = cap  # the most a page gives its notes; the rest continues overleaf
        self.gap = gap
        self.rule_above = rule_above
        self.rule_below = rule_below
        self.rule_colour = rule_colour
        self.carry: list[Flowable] = []  # note text continued from earlier pages
        self.placed: list[int] = []  # notes whose markers are on the current page
        self.seen: set[int] = set()
        self._reserve_cache: dict[tuple[tuple[int, ...], bool], float | None] = {}

    def start_page(self) -> None:
        self.placed = []
        self._reserve_cache = {}

    def new_marks(self, marks: Sequence[int]) -> list[int]:
        return [m for m in marks if m not in self.seen and m in self._notes]

    def commit(self, numbers: Sequence[int]) -> None:
        self.placed.extend(numbers)
        self.seen.update(numbers)

    def reserve(self, numbers: Sequence[int], *, strict: bool = True) -> float | None:
        """Room at the foot of the page for the carried notes plus `numbers` (rule included).

        None when `strict` and some of these notes could not even begin on this page.
        """
        key = (tuple(numbers), strict)
        if key not in self._reserve_cache:
            self._reserve_cache[key] = self._reserve(numbers, strict)
        return self._reserve_cache[key]

    def _reserve(self, numbers: Sequence[int], strict: bool) -> float | None:
        own = [self._notes[n] for n in numbers]
        flows = self.carry + own
        if not flows:
            return 0.0
        total = sum(self._height(f) for f in flows) + self.gap * (len(flows) - 1)
        if total > self.cap:
            _, total, _, started = self._layout(own)
            if strict and started < len(own):
                return None
        return total + self.rule_above + self.rule_below

    def overflows(self) -> bool:
        """Whether this page's notes run on to the next page."""
        return bool(self._layout([self._notes[n] for n in self.placed])[2])

    def draw(self, canv: Canvas, x: float, bottom: float) -> None:
        """Draw this page's notes upwards from `bottom`; keep what does not fit for the next page."""
        placed, used, self.carry, _ = self._layout([self._notes[n] for n in self.placed])
        if not placed:
            return
        top = bottom + used
        rule_y = top + self.rule_below
        canv.saveState()
        canv.setStrokeColor(self.rule_colour)
        canv.setLineWidth(0.6)
        canv.line(x, rule_y, x + min(self.width, 150.0), rule_y)
        canv.restoreState()
        y = top
        for index, flowable in enumerate(placed):
            height = self._height(flowable)
            if not isinstance(flowable, Paragraph) or not hasattr(flowable, "blPara"):
                flowable.wrap(self.width, _HUGE)  # a failed trial split drops a paragraph's lines
            y -= (self.gap if index else 0.0) + height
            flowable.drawOn(canv, x, y)

    def _height(self, flowable: Flowable) -> float:
        flow_tags = tags(flowable)
        if flow_tags.note_height is None:
            flow_tags.note_height = float(flowable.wrap(self.width, _HUGE)[1])
        return flow_tags.note_height

    def _layout(self, own: list[Flowable]) -> tuple[list[Flowable], float, list[Flowable], int]:
        """This page's notes area: (pieces in drawing order, height used, what runs on, how many
        of `own` begin here). The page's own notes are given room first, carried text the rest."""
        own_placed, own_used, own_rest = self._fill(own, self.cap)
        carry_room = self.cap - own_used - (self.gap if own_placed else 0.0)
        carry_placed, carry_used, carry_rest = self._fill(self.carry, carry_room)
        used = own_used + carry_used + (self.gap if own_placed and carry_placed else 0.0)
        return carry_placed + own_placed, used, carry_rest + own_rest, len(own_placed)

    def _fill(self, flows: list[Flowable], limit: float) -> tuple[list[Flowable], float, list[Flowable]]:
        """Place flows in order within `limit`, splitting the first that does not fit:
        (pieces placed, height used, what is left over)."""
        placed: list[Flowable] = []
        used = 0.0
        for index, flowable in enumerate(flows):
            gap = self.gap if placed else 0.0
            height = self._height(flowable)
            if used + gap + height <= limit + _FUZZ:
                placed.append(flowable)
                used += gap + height
                continue
            room = limit - used - gap
            parts = flowable.split(self.width, room) if room > 0 else []
            if len(parts) < 2:
                return placed, used, flows[index:]
            placed.append(parts[0])
            used += gap + self._height(parts[0])
            number = tags(flowable).note_number
            assert number is not None, "a note flowable without its number"
            rest = ContinuedNote(number, self._continued_label(number), parts[1])
            return placed, used, [rest, *parts[2:], *flows[index + 1 :]]
        return placed, used, []


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
        need = ledger.reserve(ledger.placed + new, strict=not tags(flowable).notes_may_wait)
        if need is None:
            return 0
        base = self._reserved
        self._set_reserved(need)
        if Frame.add(self, flowable, canv, trySplit):
            ledger.commit(new)
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
        """
        best = self._search(flowable, canv, strict=True)
        if not best and self._atTop:
            # nothing fits at the top of a page: rather than loop, let some note begin overleaf
            best = self._search(flowable, canv, strict=False)
            if best:
                tags(best[0]).notes_may_wait = True
        return best

    def _search(self, flowable: Flowable, canv: object, *, strict: bool) -> list[Flowable]:
        # A heading first asks whether what follows it can start (can_start_at), then the
        # frame places it from that very state: the second search reuses the first's answer.
        key = (
            id(flowable),
            strict,
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
            best, best_reserve = self._bisect(flowable, canv, strict)
            self._searches[key] = (flowable, best, best_reserve)
        if best:
            self._floor = max(self._floor, best_reserve)
            self._set_reserved(self._reserved)
        return list(best)

    def _bisect(self, flowable: Flowable, canv: object, strict: bool) -> tuple[list[Flowable], float]:
        base = self._reserved
        known_short, known_enough = base, None  # largest r too small, smallest r feasible or empty
        best: list[Flowable] = []
        best_reserve = base
        reserve = base
        try:
            for _ in range(_MAX_TRIES):
                parts, need = self._try_split(flowable, canv, reserve, strict)
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
        self, flowable: Flowable, canv: object, reserve: float, strict: bool
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
        return parts, ledger.reserve(ledger.placed + new, strict=strict)


class NotesFlush(Flowable):
    """Ends the story: adds pages while notes still run on from the last page."""

    _ZEROSIZE = True

    def __init__(self, ledger: NoteLedger) -> None:
        super().__init__()
        self.ledger = ledger

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0.0, 0.0

    def draw(self) -> None:
        if self.ledger.overflows():
            self._frame.add_generated_content(PageBreak(), NotesFlush(self.ledger))


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
