"""A checked report kept between runs, so a command run again on unchanged content reads no YAML.

The key is every file under the content folder (its path, size, modification and change times
and inode), the fonts' character table the loader checks text against, and the loader itself
(its source files; briefer's, PyYAML's and Python's versions): any change to one of them is a
miss. Files changed in the last few seconds are never stored, since a change within the file
system's clock tick could leave their times as they were. Only reports without errors are kept.
Standard library, PyYAML's version, briefer.cache and the content model only.
"""

from __future__ import annotations

import os
import stat
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from briefer import __version__
from briefer.cache import cache_dir, file_name, read, write
from briefer.content.model import Report
from briefer.content.printable import COVERAGE
from briefer.content.problems import Problem

Checked = tuple[Report | None, list[Problem]]
Stats = tuple[tuple[str, int, int, int, int], ...]

MAX_FILES = 5_000  # a folder with more files than a report has is not worth a key
SETTLED_NS = 3_000_000_000  # files changed more recently than this are not stored
_LOADER = Path(__file__).resolve().parent


def check_cached(root: Path, check: Callable[[], Checked]) -> Checked:
    """`check()`'s result for the report in `root`, from the cache when nothing changed since."""
    started = time.time_ns()
    files = _fingerprint(root)
    if files is None or cache_dir() is None:
        return check()
    try:
        key = (__version__, sys.version, yaml.__version__, str(root), str(root.resolve()), files, _loader())
    except OSError:  # a file briefer ships is missing: the loader says which
        return check()
    name = file_name("content", f"{root.resolve()}\n{root}")
    found = read(name, key)
    if isinstance(found, tuple) and len(found) == 2 and isinstance(found[0], Report):
        return found[0], list(found[1])
    report, problems = check()
    newest = max((max(mtime, ctime) for _, _, mtime, ctime, _ in files), default=0)
    if report is not None and newest < started - SETTLED_NS:
        write(name, key, (report, tuple(problems)))
    return report, problems


def _fingerprint(root: Path) -> Stats | None:
    """(path, size, mtime, ctime, inode) of every file under `root`, outside hidden folders."""
    found: list[tuple[str, int, int, int, int]] = []
    seen: set[tuple[int, int]] = set()
    folders = [root]
    try:
        while folders:
            folder = folders.pop()
            with os.scandir(folder) as entries:
                for entry in entries:
                    info = entry.stat()  # through links, as the loader reads them
                    if stat.S_ISDIR(info.st_mode):
                        if not entry.name.startswith(".") and (info.st_dev, info.st_ino) not in seen:
                            seen.add((info.st_dev, info.st_ino))
                            folders.append(Path(entry.path))
                        continue
                    rel = os.path.relpath(entry.path, root)
                    found.append((rel, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino))
                    if len(found) > MAX_FILES:
                        return None
    except OSError:  # an unreadable folder or a dangling link: the loader will say what is wrong
        return None
    return tuple(sorted(found))


def _loader() -> Stats:
    """The loader's own files and the character table: a new briefer, or an edited one, misses."""
    paths = [*sorted(_LOADER.glob("*.py")), _LOADER.parent / "inputs.py", COVERAGE]
    found = []
    for path in paths:
        info = path.stat()
        found.append((str(path), info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino))
    return tuple(found)
