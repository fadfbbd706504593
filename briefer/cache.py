"""Files briefer keeps in the user's cache folder: pickles found by name, trusted only when this user
wrote them, their key matches, and they were written whole.

Standard library only; any layer may use it. A cache never decides an outcome: every failure to
read or write one is a miss, and the caller does the work as if there were no cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import stat
import sys
import tempfile
import time
from pathlib import Path

OFF_ENV = "BRIEFER_NO_CACHE"  # set (to anything but "") to read and write no cache
DIR_ENV = "BRIEFER_CACHE"  # a folder to use instead of the user's cache folder (tests, benches)
FORMAT = b"briefer-cache 1\n"  # the first bytes of every file; another version's files are ignored
KEPT_FILES = 32  # beyond this, the oldest files go: one per content folder or font set in use
LEFTOVER_SECONDS = 3600  # a temporary file this old belongs to no live writer
MAX_BYTES = 64 * 1024 * 1024  # a larger file is not ours to read


def cache_dir() -> Path | None:
    """Where briefer's cache files live (None: caching is off)."""
    if os.environ.get(OFF_ENV):
        return None
    if os.environ.get(DIR_ENV):
        return Path(os.environ[DIR_ENV])
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        if sys.platform == "win32":
            base = os.environ.get("LOCALAPPDATA", "")
            if not base:
                return None
        elif sys.platform == "darwin":
            base = str(Path.home() / "Library" / "Caches")
        else:
            base = str(Path.home() / ".cache")
    return Path(base) / "briefer"


def file_name(kind: str, identity: str) -> str:
    """One file per `kind` and `identity` (a folder's path, say): a changed key replaces it."""
    return f"{kind}-{hashlib.sha256(identity.encode('utf-8', 'surrogatepass')).hexdigest()[:24]}.pickle"


def read(name: str, key: object) -> object | None:
    """The value stored under `name` when it was stored with `key`; None on any doubt."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with open(folder / name, "rb") as file:
            if not _ours(os.fstat(file.fileno())):
                return None
            if file.read(len(FORMAT)) != FORMAT:
                return None
            if pickle.load(file) != key:
                return None
            value: object = pickle.load(file)
            return value
    except Exception:  # missing, unreadable, truncated, or from other code: a miss
        return None


def write(name: str, key: object, value: object) -> None:
    """Store `value` under `name`: to a temporary file renamed over the old one, so a reader sees
    either file whole, whichever process wrote last."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        data = FORMAT + pickle.dumps(key, pickle.HIGHEST_PROTOCOL) + pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".writing-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, folder / name)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        _prune(folder)
    except Exception:  # a read-only home, a full disk, an unpicklable value: no cache
        return


def _ours(info: os.stat_result) -> bool:
    """A regular file of this user's that nobody else may write, and of a size we wrote."""
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
        return False
    if hasattr(os, "getuid") and (info.st_uid != os.getuid() or info.st_mode & 0o022):
        return False
    return True


def _prune(folder: Path) -> None:
    """Keep the KEPT_FILES most recently written files, and no leftovers of a writer that died."""
    files = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    stale = time.time() - LEFTOVER_SECONDS
    leftovers = [p for p in folder.glob(".writing-*.tmp") if p.stat().st_mtime < stale]
    for old in files[KEPT_FILES:] + leftovers:
        with contextlib.suppress(OSError):  # another process may have removed it first
            old.unlink()


__all__ = ["DIR_ENV", "OFF_ENV", "cache_dir", "file_name", "read", "write"]
