"""Settings: typed values with defaults, kept in the test's own file (never the user's)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray

from briefer.gui.settings import MAX_RECENT, PREVIEW_DELAY_MS, Settings


def test_settings_live_in_the_file_the_environment_names(settings_file: Path) -> None:
    settings = Settings()
    settings.export_folder = "/somewhere"
    settings.sync()
    assert Path(settings.store.fileName()) == settings_file
    assert "somewhere" in settings_file.read_text()


def test_defaults_when_nothing_is_stored() -> None:
    settings = Settings()
    assert settings.recent_recipes == []
    assert settings.preview_delay_ms == PREVIEW_DELAY_MS
    assert settings.geometry.isEmpty() and settings.window_state.isEmpty()
    assert Path(settings.recipe_folder).is_dir()


def test_bad_stored_values_fall_back_to_defaults() -> None:
    settings = Settings()
    settings.store.setValue("pref/preview_delay_ms", "soon")
    settings.store.setValue("persist/recipe_folder", 12)
    assert settings.preview_delay_ms == PREVIEW_DELAY_MS
    assert settings.recipe_folder != 12


def test_recent_recipes_most_recent_first_without_repeats(tmp_path: Path) -> None:
    settings = Settings()
    paths = [tmp_path / f"r{i}.yaml" for i in range(MAX_RECENT + 3)]
    for path in paths:
        settings.add_recent_recipe(str(path))
    settings.add_recent_recipe(str(paths[0]))
    recent = settings.recent_recipes
    assert recent[0] == str(paths[0]) and len(recent) == MAX_RECENT and len(set(recent)) == MAX_RECENT
    settings.remove_recent_recipe(str(paths[0]))
    assert str(paths[0]) not in settings.recent_recipes
    settings.clear_recent_recipes()
    assert Settings().recent_recipes == []


def test_one_recent_recipe_reads_back_as_a_list(tmp_path: Path) -> None:
    Settings().add_recent_recipe(str(tmp_path / "only.yaml"))
    fresh = Settings()
    assert fresh.recent_recipes == [str(tmp_path / "only.yaml")]


def test_window_state_round_trips() -> None:
    settings = Settings()
    settings.geometry = QByteArray(b"\x01\x02")
    settings.sync()
    assert bytes(Settings().geometry.data()) == b"\x01\x02"
