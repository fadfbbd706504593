"""briefer's cache files: read back only when whole, of the same key, and this user's own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefer import cache


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(cache.DIR_ENV, str(tmp_path / "cache"))
    monkeypatch.delenv(cache.OFF_ENV, raising=False)
    return tmp_path / "cache"


def test_a_value_comes_back_only_under_its_own_key(folder: Path) -> None:
    cache.write("thing.pickle", ("v1", 3), {"pages": [1, 2, 3]})
    assert cache.read("thing.pickle", ("v1", 3)) == {"pages": [1, 2, 3]}
    assert cache.read("thing.pickle", ("v2", 3)) is None
    assert cache.read("other.pickle", ("v1", 3)) is None
    assert oct(folder.stat().st_mode & 0o777) == oct(0o700)


def test_a_truncated_or_foreign_file_is_a_miss(folder: Path) -> None:
    cache.write("thing.pickle", "key", list(range(1000)))
    path = folder / "thing.pickle"
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    assert cache.read("thing.pickle", "key") is None
    path.write_bytes(b"briefer-cache 0\n" + whole[len(cache.FORMAT) :])  # another version's format
    assert cache.read("thing.pickle", "key") is None


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX file owners")
def test_a_file_others_may_write_is_not_trusted(folder: Path) -> None:
    cache.write("thing.pickle", "key", "value")
    path = folder / "thing.pickle"
    path.chmod(0o666)
    assert cache.read("thing.pickle", "key") is None
    path.chmod(0o600)
    assert cache.read("thing.pickle", "key") == "value"


def test_caching_can_be_turned_off(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.OFF_ENV, "1")
    cache.write("thing.pickle", "key", "value")
    assert not folder.exists()
    assert cache.read("thing.pickle", "key") is None


def test_an_unwritable_folder_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(cache.DIR_ENV, str(blocker / "cache"))
    cache.write("thing.pickle", "key", "value")
    assert cache.read("thing.pickle", "key") is None


def test_old_files_are_pruned(folder: Path) -> None:
    for n in range(cache.KEPT_FILES + 5):
        cache.write(f"thing-{n}.pickle", "key", n)
    assert len(list(folder.glob("*.pickle"))) == cache.KEPT_FILES
    assert not list(folder.glob(".writing-*"))


WRITER = """
import sys
from briefer import cache
n = int(sys.argv[1])
for round in range(40):
    cache.write("shared.pickle", "key", [n] * 200_000)
"""

READER = """
from briefer import cache
seen = set()
for _ in range(400):
    value = cache.read("shared.pickle", "key")
    if value is not None:
        assert len(value) == 200_000 and len(set(value)) == 1, "a torn file was read"
        seen.add(value[0])
print(len(seen))
"""


def test_concurrent_writers_never_leave_a_torn_file(folder: Path) -> None:
    env = {**os.environ, cache.DIR_ENV: str(folder)}
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(n)], env=env) for n in range(3)]
    reader = subprocess.run([sys.executable, "-c", READER], env=env, capture_output=True, text=True, timeout=120)
    assert all(w.wait(timeout=120) == 0 for w in writers)
    assert reader.returncode == 0, reader.stderr
    final = cache.read("shared.pickle", "key")
    assert isinstance(final, list) and len(final) == 200_000 and final[0] in (0, 1, 2)
    assert not list(folder.glob(".writing-*"))
