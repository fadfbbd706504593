"""Write files so that a failed write never leaves a partial file or replaces a good one."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from briefer.inputs import reason

# the temporary file's name carries at most this much of the target's, so that a target name
# near the system's 255-byte limit still leaves room for ".<name>.<random>.part"
_TEMP_NAME_BYTES = 120


class OutputError(Exception):
    """A file could not be written; the message names the path and the reason."""


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, flush it to disk, then rename it into place.

    Whatever stops the write (a full disk, Ctrl-C, SIGTERM turned into SystemExit by the CLI),
    the temporary file is removed and a good file already at `path` stays as it was.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        if not folder.is_dir():
            raise OutputError(f"cannot write {path}: the folder {folder} does not exist")
        if path.is_dir():
            raise OutputError(f"cannot write {path}: it is a folder")
        name = path.name.encode("utf-8", "surrogateescape")[:_TEMP_NAME_BYTES].decode("utf-8", "ignore")
        _remove_orphans(folder, name)
        fd, temp = tempfile.mkstemp(prefix=f".{name}.{os.getpid()}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {_reason(exc)}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes 0600 files; a brief should get the usual permissions
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)
        os.replace(temp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {path}: {_reason(exc)}") from exc
        raise


def _remove_orphans(folder: Path, name: str) -> None:
    """Remove the temporary files of earlier writes of this name whose process is gone.

    Only `kill -9` (or a power cut) leaves one: every other exit removes its own. The writer's
    process id is in the name, so a write in progress elsewhere is never touched.
    """
    prefix = f".{name}."
    # a plain scan, not a glob: a batch writes a thousand files into one folder, and globbing it
    # for each one took half the time of writing them
    with os.scandir(folder) as entries:
        temps = [entry.name for entry in entries if entry.name.startswith(prefix) and entry.name.endswith(".part")]
    for temp in temps:
        pid = temp[len(prefix) :].split(".", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            with contextlib.suppress(OSError):
                (folder / temp).unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, as another user's process
        return True
    return True


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "permission denied (the folder is read-only or not yours)"
    return reason(exc)
