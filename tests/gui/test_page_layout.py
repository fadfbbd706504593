"""The page layout model and the change finder's comparison, as plain arithmetic (no window)."""

from __future__ import annotations

from briefer.gui import page_layout as layout
from briefer.gui.preview_change import first_changed_page, masked

A4 = (595.28, 841.89)


def view(zoom: float = 1.0, pages: int = 5, viewport: tuple[int, int] = (800, 600)) -> layout.View:
    return layout.View((A4,) * pages, layout.Fit.CUSTOM, zoom, 96 / 72, viewport, (6, 6, 6, 6), 12)


def test_pages_stack_with_their_spacing_inside_the_margins() -> None:
    rects = layout.page_rects(view())
    assert rects[0].y == 6 and rects[0].width == round(595.28 * 96 / 72)
    for above, below in zip(rects, rects[1:], strict=False):
        assert below.y == above.bottom + 12
    assert all(r.x == 6 for r in rects)  # centred: the document is 12 px wider than a page


def test_the_current_page_is_the_one_under_the_line_forty_percent_down() -> None:
    v = view(zoom=0.5)
    rects = layout.page_rects(v)
    for page, rect in enumerate(rects):
        assert layout.current_page(v, rect.y - int(600 * 0.4) + 1) == page
    gap = rects[1].y - 6  # in the gap between pages 1 and 2: the page below
    assert layout.current_page(v, gap - int(600 * 0.4)) == 1


def test_an_anchor_survives_a_zoom() -> None:
    small, large = view(zoom=0.75), view(zoom=2.0)
    anchor = layout.Anchor(3, 300.0, 420.0)
    for before, after in ((small, large), (large, small)):
        x, y = layout.position_of(before, anchor)
        found = layout.anchor_at(after, *layout.position_of(after, layout.anchor_at(before, x, y)))
        assert found.page == 3 and abs(found.x - 300) < 1 and abs(found.y - 420) < 1


def test_fit_page_keeps_the_aspect_ratio_as_qt_does() -> None:
    v = layout.View((A4,), layout.Fit.PAGE, 1.0, 96 / 72, (800, 600), (6, 6, 6, 6), 12)
    (rect,) = layout.page_rects(v)
    assert rect.height == 600 - 12 and abs(rect.width / rect.height - A4[0] / A4[1]) < 0.01


def test_numbers_are_masked_so_renumbering_is_no_change() -> None:
    assert masked("Page 4 of 13  Note 12") == masked("Page 4 of 14 Note 13")


def test_the_first_changed_body_page_is_chosen_over_the_contents() -> None:
    old = ["Cover", "Contents A 3 B 5", "A text", "A more", "B text", "B more"]
    new = ["Cover", "Contents A 3 B 5 C 6", "A text", "A more", "B text", "C new"]
    assert first_changed_page(old, new, body_start=2) == 5
    assert first_changed_page(old, ["Cover two", *old[1:]], body_start=2) == 0  # only the cover changed
    assert first_changed_page(old, list(old), body_start=2) is None
    assert first_changed_page(old, [t + " DRAFT" for t in old], body_start=2) is None  # every page: stay
    assert first_changed_page([None, *old[1:]], ["x", *old[1:]], body_start=2) is None  # unread: unknown
