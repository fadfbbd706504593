"""Status-bar numbers and warnings, computed without Qt."""

from __future__ import annotations

from briefer.content.model import Report
from briefer.gui.preview_job import Stats, brief_words, count_words, status_text, warnings
from briefer.tailor.recipe import Recipe
from briefer.tailor.tailor import tailor


def test_count_words() -> None:
    assert count_words("Anti-personnel mines — Finland’s own, 2 to 5 per cent.") == 9


def test_fewer_sections_fewer_words(report: Report) -> None:
    whole = brief_words(tailor(report, Recipe()))
    one = brief_words(tailor(report, Recipe(sections=("foreword",))))
    assert 0 < one < whole


def test_reading_time_at_two_hundred_words_a_minute() -> None:
    assert Stats(1, 200, 0).reading_minutes == 1
    assert Stats(1, 20, 0).reading_minutes == 1
    assert Stats(1, 299, 0).reading_minutes == 1
    assert Stats(1, 300, 0).reading_minutes == 2
    assert Stats(1, 0, 0).reading_minutes == 0
    assert "about 2 min" in status_text(Stats(3, 401, 1))
    assert status_text(Stats(1, 10, 1)).startswith("1 page · 10 words · 1 note")


def test_warnings() -> None:
    assert warnings(Recipe(), Stats(4, 1, 1)) == []
    assert "longer than a four-page handout" in warnings(Recipe(), Stats(5, 1, 1))[0]
    assert warnings(Recipe(sections=()), None) == ["no sections chosen"]
    assert "country boxes" in warnings(Recipe(countries=("FI",), country_boxes=False), None)[0]
