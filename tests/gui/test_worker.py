"""The background helper and the generation rule: only the newest request is ever announced."""

from __future__ import annotations

import threading
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from briefer.content.model import Report
from briefer.gui.preview_job import Preview, Stats
from briefer.gui.worker import Outcome, PreviewBuilder, run_task
from briefer.tailor.recipe import Recipe


def test_run_task_delivers_on_the_main_thread(qtbot: QtBot) -> None:
    from PySide6.QtCore import QThreadPool

    main = threading.get_ident()
    seen: list[tuple[Outcome, int, int]] = []
    pool = QThreadPool()
    run_task(lambda: threading.get_ident(), lambda o: seen.append((o, threading.get_ident(), 0)), pool)
    run_task(lambda: 1 / 0, lambda o: seen.append((o, threading.get_ident(), 1)), pool)
    qtbot.waitUntil(lambda: len(seen) == 2)
    by_kind = {kind: (outcome, thread) for outcome, thread, kind in seen}
    value, thread = by_kind[0]
    assert value.value != main  # the function ran on a worker thread
    assert thread == main  # the callback runs on the main thread
    error, thread = by_kind[1]
    assert isinstance(error.error, ZeroDivisionError) and thread == main


class HeldBuild:
    """A build function whose first call waits until released, to overlap requests."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.release = threading.Event()
        self.calls: list[Recipe] = []

    def __call__(self, report: Report, recipe: Recipe) -> Preview:
        self.calls.append(recipe)
        if len(self.calls) == 1:
            self.started.set()
            self.release.wait(10)
        return Preview(recipe, b"%PDF", Stats(1, 1, 0), 0.0)


def test_a_change_while_a_build_runs_ends_with_the_newest_result(qtbot: QtBot, report: Report) -> None:
    build = HeldBuild()
    builder = PreviewBuilder(build)
    shown: list[Preview] = []
    builder.preview_changed.connect(shown.append)
    builder.request(report, Recipe(watermark="one"))
    assert build.started.wait(10)
    # three more changes while the first build is held: only the newest may be built next
    builder.request(report, Recipe(watermark="two"))
    builder.request(report, Recipe(watermark="three"))
    newest = builder.request(report, Recipe(watermark="four"))
    build.release.set()
    qtbot.waitUntil(lambda: not builder.busy and len(build.calls) == 2)
    assert [p.recipe.watermark for p in shown] == ["four"]
    assert [r.watermark for r in build.calls] == ["one", "four"]
    assert builder.discarded == 1 and builder.generation == newest
    builder.wait_for_done()


def test_a_failure_is_announced_only_for_the_newest_request(qtbot: QtBot, report: Report) -> None:
    def build(report: Report, recipe: Recipe) -> Preview:
        raise ValueError(recipe.watermark)

    builder = PreviewBuilder(build)
    with qtbot.wait_signal(builder.problems_changed) as blocker:
        builder.request(report, Recipe(watermark="bad"))
    assert isinstance(blocker.args[0], ValueError) and str(blocker.args[0]) == "bad"
    assert not builder.busy


def test_cancel_drops_the_running_build(qtbot: QtBot, report: Report) -> None:
    build = HeldBuild()
    builder = PreviewBuilder(build)
    shown: list[Preview] = []
    builder.preview_changed.connect(shown.append)
    builder.request(report, Recipe())
    assert build.started.wait(10)
    builder.cancel()
    build.release.set()
    qtbot.waitUntil(lambda: builder.discarded == 1)
    assert shown == [] and not builder.busy
    builder.wait_for_done()


def test_busy_follows_requests(qtbot: QtBot, report: Report) -> None:
    builder = PreviewBuilder(lambda report, recipe: Preview(recipe, b"%PDF", Stats(1, 1, 0), 0.0))
    states: list[bool] = []
    builder.busy_changed.connect(states.append)
    with qtbot.wait_signal(builder.preview_changed):
        builder.request(report, Recipe())
    assert states == [True, False]


def test_first_pages_are_announced_only_while_their_request_is_the_newest(qtbot: QtBot, report: Report) -> None:
    release = threading.Event()

    def build(report: Report, recipe: Recipe, first_pages: int, on_first_pages: Callable[[Preview], None]) -> Preview:
        on_first_pages(Preview(recipe, b"%PDF", Stats(first_pages, 0, 0), 0.0, first_pages=True))
        if recipe.watermark == "old":
            release.wait(10)  # a newer request is made while this one is built
        return Preview(recipe, b"%PDF", Stats(9, 1, 0), 0.0)

    builder = PreviewBuilder(build)
    firsts: list[Preview] = []
    builder.first_pages_changed.connect(firsts.append)
    with qtbot.wait_signal(builder.first_pages_changed):
        builder.request(report, Recipe(watermark="old"), 2)
    builder.request(report, Recipe(watermark="new"), 3)
    release.set()
    with qtbot.wait_signal(builder.preview_changed) as blocker:
        pass
    assert blocker.args[0].recipe.watermark == "new"
    assert [(p.recipe.watermark, p.stats.pages) for p in firsts] == [("old", 2), ("new", 3)]
    builder.wait_for_done()
