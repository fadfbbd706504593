"""Run briefer as a user would, in its own process session, and check what it leaves behind.

Every run: a generous timeout as a hang guard (a hang fails, it never blocks the suite), no
traceback on stderr, no `.part` file anywhere under the folder it worked in, and no process of
its session still running once it has exited.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import MINI

GUARD_SECONDS = 60.0  # a hang guard only; the figures are in the README
BRIEFER = [sys.executable, "-m", "briefer"]


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str
    seconds: float


def run(args: list[str], cwd: Path, *, guard: float = GUARD_SECONDS, stdin: bytes = b"") -> Run:
    """`briefer ARGS` in `cwd`, checked for tracebacks, leftovers and live processes."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [*BRIEFER, *args],
        cwd=cwd,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        env=_environment(),
    )
    try:
        out, err = proc.communicate(stdin, timeout=guard)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise AssertionError(f"briefer {' '.join(args)[:200]} did not answer within {guard:.0f} s") from None
    result = Run(proc.returncode, out.decode(), err.decode(), time.perf_counter() - started)
    assert_clean(result, proc.pid, cwd)
    return result


def _environment() -> dict[str, str]:
    root = str(Path(__file__).resolve().parents[2])
    path = os.environ.get("PYTHONPATH", "")
    return {**os.environ, "PYTHONPATH": root + (os.pathsep + path if path else ""), "PYTHONSAFEPATH": "1"}


def assert_clean(result: Run, session: int, folder: Path) -> None:
    assert "Traceback" not in result.err, result.err[-3000:]
    assert result.code in (0, 2, 130, 143), f"exit {result.code}: {result.err[-2000:]}"
    assert_no_processes(session)
    parts = [str(p) for p in folder.rglob("*.part")]
    assert not parts, f"temporary files left: {parts}"


def live_in_session(session: int) -> list[str]:
    """Processes of a session that are still running (zombies have ended: only their parent
    may reap them, and that parent has gone)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[3]) == session and fields[0] != "Z":
            found.append(f"{entry.name} {stat.split(')')[0]})")
    return found


def assert_no_processes(session: int, grace: float = 5.0) -> None:
    deadline = time.monotonic() + grace
    while (left := live_in_session(session)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not left, f"processes left running: {left}"


def mini_copy(folder: Path, name: str = "content") -> Path:
    target = folder / name
    shutil.copytree(MINI, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def stderr_lines(result: Run) -> list[str]:
    return [line for line in result.err.splitlines() if line.strip()]


def plain_value(value: object) -> object:
    """A located YAML value as plain data, with each scalar's type, value and text as typed."""
    if isinstance(value, dict):
        return {k: plain_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain_value(v) for v in value]
    return (type(value).__name__, getattr(value, "value", value), str(getattr(value, "text", value)))
