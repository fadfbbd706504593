"""Batches under hostile input and unlucky signals: Ctrl-C, SIGTERM and kill -9 in the middle of
10,000 recipients, a working folder with a briefer/ of its own, names in other scripts."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import MINI
from tests.render.readback import read_back

from .harness import BRIEFER, _environment, assert_no_processes, run


def recipients(folder: Path, count: int) -> Path:
    path = folder / "people.csv"
    path.write_text("name,title,organisation\n" + "".join(f"Person {n},MP,Sejm\n" for n in range(count)))
    return path


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143), (signal.SIGKILL, -9)])
def test_a_large_batch_stops_at_once_and_leaves_nothing(tmp_path: Path, signum: int, code: int) -> None:
    recipients(tmp_path, 10_000)
    proc = subprocess.Popen(
        [*BRIEFER, "batch", "--content", str(MINI), "--jobs", "2", "--recipients", "people.csv", "-o", "out"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
        env=_environment(),
    )
    out = tmp_path / "out"
    deadline = time.monotonic() + 60
    while len(list(out.glob("*.pdf")) if out.is_dir() else []) < 4 and time.monotonic() < deadline:
        time.sleep(0.05)  # well into the batch: workers busy, files being written
    if signum == signal.SIGINT:
        os.killpg(proc.pid, signum)  # as Ctrl-C does: the whole foreground group
    else:
        os.kill(proc.pid, signum)
    assert proc.stderr is not None
    with proc.stderr:
        try:
            proc.wait(timeout=10)  # a guard: it takes well under a second
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            raise AssertionError("the batch did not stop") from None
        err = proc.stderr.read().decode()
    assert proc.returncode == code, err
    assert "Traceback" not in err, err
    assert_no_processes(proc.pid)
    for pdf in out.glob("*.pdf"):
        assert pdf.read_bytes().rstrip().endswith(b"%%EOF")  # every file there is complete
    if signum == signal.SIGKILL:
        # nothing runs after kill -9: a write it cut short is cleared by the next run there
        recipients(tmp_path, 40)
        result = run(
            ["batch", "--content", str(MINI), "--jobs", "2", "--recipients", "people.csv", "-o", "out"], tmp_path
        )
        assert result.code == 0, result.err
    assert not list(out.glob(".*.part")), "an interrupted write left its temporary file"


def test_workers_never_import_briefer_from_the_working_folder(tmp_path: Path) -> None:
    (tmp_path / "briefer" / "content").mkdir(parents=True)  # a folder holding a report, say
    script = Path(sys.executable).parent / "briefer"
    if not script.exists():
        pytest.skip("briefer is not installed as a command in this environment")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONSAFEPATH")}
    result = subprocess.run(
        [str(script), "batch", "--content", str(MINI), "--jobs", "2", "-o", "out"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["ministers-poland.pdf", "ministers-ukraine.pdf"]


def test_names_in_chinese_print_and_name_the_file(tmp_path: Path) -> None:
    (tmp_path / "people.csv").write_text("name,title,organisation\n王小明,部长,外交部\n김민준,,\n", encoding="utf-8")
    result = run(
        ["batch", "--content", str(MINI), "--recipients", "people.csv", "--country", "PL", "-o", "out"], tmp_path
    )
    assert result.code == 0, result.err
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["poland-王小明.pdf", "poland-김민준.pdf"]
    assert "王小明, 部长" in read_back((tmp_path / "out" / "poland-王小明.pdf").read_bytes()).text(1)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("محمد,,", "people.csv: line 2: the name cannot print “م” (U+0645 ARABIC LETTER MEEM)"),
        ("דוד,,", "right-to-left scripts such as Arabic and Hebrew"),
        ('"' + "Ada " * 800 + '",,', "people.csv: line 2: the name is 3,199 characters long (at most 300)"),
        ("Ada 🙂,,", "no emoji"),
    ],
)
def test_a_name_that_cannot_go_on_a_cover_is_refused_by_line(tmp_path: Path, row: str, message: str) -> None:
    (tmp_path / "people.csv").write_text(f"name,title,organisation\n{row}\n", encoding="utf-8")
    result = run(["batch", "--content", str(MINI), "--recipients", "people.csv", "-o", "out"], tmp_path)
    assert result.code == 2 and message in result.err, result.err
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_recipients_file_that_is_not_a_regular_file(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "people.csv"
    os.mkfifo(path) if kind == "fifo" else path.symlink_to("/dev/zero")
    result = run(["batch", "--content", str(MINI), "--recipients", "people.csv", "-o", "out"], tmp_path)
    assert result.code == 2 and "people.csv: the recipients file must be a regular file" in result.err, result.err


def test_a_batch_folder_over_255_bytes(tmp_path: Path) -> None:
    result = run(["batch", "--content", str(MINI), "-o", "x" * 300], tmp_path)
    assert result.code == 2 and "the file name or path is too long" in result.err, result.err


def test_tabs_and_line_breaks_in_a_name_print_as_spaces(tmp_path: Path) -> None:
    (tmp_path / "people.csv").write_text('name,title,organisation\n"Ada\tLovelace","Chair\nof the board",\n')
    result = run(["batch", "--content", str(MINI), "--recipients", "people.csv", "-o", "out"], tmp_path)
    assert result.code == 0, result.err
    doc = read_back(next((tmp_path / "out").glob("*.pdf")).read_bytes())
    last = doc.text(doc.page_count)
    assert "Ada Lovelace, Chair of the board" in last and "\t" not in last
