"""A page's notes area: which notes each page owes, the room they take at its foot, and the
note text that runs on to the next page. NoteFrame (footnotes.py) asks it for room while it
places the body; the page's end draws it. Imports ReportLab and briefer.render.flowtags.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from briefer.render.flowtags import tags

_HUGE = 1e9
_FUZZ = 1e-6
RUN_ON_LINES = 2  # a note that runs on to the next page prints at least this many lines on its own


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

    A page may give its notes less than `cap` (`limit_page`): rather than leave a large gap by
    moving a block to the next page whole, NoteFrame lets the last note of the block's first
    part begin here and run on overleaf (`run_on_need` says how little room that takes).
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
        self.page_cap = cap  # the most this page gives them (less after limit_page)
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
        self.page_cap = self.cap
        self._reserve_cache = {}

    def limit_page(self, room: float) -> None:
        """Give this page's notes at most `room` (rule included); the rest runs on overleaf."""
        self.page_cap = min(self.cap, room - self.rule_above - self.rule_below)
        self._reserve_cache = {}

    def run_on_need(self, numbers: Sequence[int]) -> float:
        """The least room (rule included) in which every one of `numbers` begins on this page:
        all in full but the last, which may run on after its first lines."""
        own = [self._notes[n] for n in numbers]
        if not own:
            return 0.0
        *whole, last = own
        leading = float(getattr(getattr(last, "style", None), "leading", 0.0)) or self._height(last)
        heights = [self._height(f) for f in whole] + [min(self._height(last), RUN_ON_LINES * leading)]
        return sum(heights) + self.gap * (len(heights) - 1) + self.rule_above + self.rule_below

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
        if total > self.page_cap:
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
        own_placed, own_used, own_rest = self._fill(own, self.page_cap)
        carry_room = self.page_cap - own_used - (self.gap if own_placed else 0.0)
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
