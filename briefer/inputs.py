"""Read an input file safely: a regular file only, never more than a size limit, never blocking.

Content files, recipes, briefer PDFs and recipients lists come from anywhere: a FIFO would block
a plain read forever and /dev/zero would fill memory. Standard library only; imports nothing
from briefer, so every layer may use it.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

MB = 1024 * 1024


class InputError(Exception):
    """A file that cannot be read as input; the message says why (it does not repeat the path)."""


def read_input(path: Path | str, limit: int, what: str = "file") -> bytes:
    """The bytes of a regular file of at most `limit` bytes; InputError otherwise.

    `what` names the file in messages: "a content file", "a recipe"…
    """
    try:
        # O_NONBLOCK: opening a FIFO without a writer would otherwise wait forever
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise InputError(f"cannot read {what}: {reason(exc)}") from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{what} must be a regular file, not {_kind(info.st_mode)}")
        if info.st_size > limit:
            raise InputError(f"{what} is {_size(info.st_size)}, more than the {_size(limit)} allowed")
        chunks: list[bytes] = []
        got = 0
        while got <= limit:  # a file may grow while it is read: never take more than the limit
            chunk = os.read(fd, min(limit + 1 - got, MB))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
        if got > limit:
            raise InputError(f"{what} is more than the {_size(limit)} allowed")
        return b"".join(chunks)
    except OSError as exc:
        raise InputError(f"cannot read {what}: {reason(exc)}") from exc
    finally:
        os.close(fd)


def reason(exc: OSError) -> str:
    """An OSError in words a user can act on."""
    if exc.errno == errno.ENAMETOOLONG:
        return "the file name or path is too long (more than the system allows: 255 bytes a name)"
    if exc.errno == errno.ENOENT:
        return "no such file"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EISDIR:
        return "it is a folder"
    return exc.strerror or str(exc)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _size(count: int) -> str:
    return f"{count / MB:.1f} MB" if count >= MB else f"{count:,} bytes"
