"""The command line's low items: odd options, long paths, a reader that goes away, an
interrupted write, Markdown that prints the text as typed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from briefer.output import write_atomically
from tests.conftest import MINI

from .harness import BRIEFER, _environment, assert_no_processes, edit, mini_copy, run, stderr_lines


def test_sections_of_commas_choose_nothing(tmp_path: Path) -> None:
    result = run(["build", "--content", str(MINI), "--sections", ",,,", "-o", "out.pdf"], tmp_path)
    assert result.code == 2 and "the recipe chooses nothing to print" in result.err
    assert not (tmp_path / "out.pdf").exists()


def test_an_unknown_word_is_an_unknown_command(tmp_path: Path) -> None:
    result = run(["frobnicate"], tmp_path)
    assert result.code == 2 and "briefer: unknown command 'frobnicate'" in result.err


def test_an_output_name_over_255_bytes(tmp_path: Path) -> None:
    result = run(["build", "--content", str(MINI), "-o", "x" * 300 + ".pdf"], tmp_path)
    assert result.code == 2 and "the file name or path is too long" in result.err, result.err
    assert stderr_lines(result)[0].startswith("briefer: cannot write ")


def test_an_output_name_near_255_bytes_is_written(tmp_path: Path) -> None:
    name = "y" * 251 + ".pdf"  # the temporary name beside it would be longer: it is shortened
    result = run(["build", "--content", str(MINI), "-o", name], tmp_path)
    assert result.code == 0, result.err
    assert (tmp_path / name).is_file()


def test_list_into_a_reader_that_stops_after_one_line(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [*BRIEFER, "list", "sections", "--content", str(MINI)],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        env=_environment(),
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # `| head -1`
    with proc.stderr:
        err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0 and "Traceback" not in err, err
    assert_no_processes(proc.pid)


def test_an_interrupted_write_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"the good one")

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt  # Ctrl-C arriving while the data goes to disk

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"the good one"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]


def test_a_killed_writers_temporary_file_is_removed_by_the_next_write(tmp_path: Path) -> None:
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    orphan = tmp_path / f".brief.pdf.{gone.pid}.abc123.part"  # as kill -9 mid-write leaves it
    alive = tmp_path / f".brief.pdf.{os.getpid()}.def456.part"  # a write in progress: not touched
    other = tmp_path / f".brief.pdf.old.{gone.pid}.x.part"  # another file's, whose name starts alike
    for path in (orphan, alive, other):
        path.write_bytes(b"half")
    write_atomically(tmp_path / "brief.pdf", b"whole")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["brief.pdf", alive.name, other.name])


def test_markdown_prints_entities_and_list_marks_as_typed(tmp_path: Path) -> None:
    content = mini_copy(tmp_path)
    edit(
        content / "sections" / "01-summary.yaml",
        "  - pullquote: Rules matter.",
        "  - paragraph: '- not a list, &nbsp; &amp; stay'\n  - paragraph: '1. not a list either'\n"
        "  - pullquote: Rules matter.",
    )
    result = run(["build", "--content", str(content), "-o", "brief.md"], tmp_path)
    assert result.code == 0, result.err
    text = (tmp_path / "brief.md").read_text(encoding="utf-8")
    assert "\n\\- not a list, \\&nbsp; \\&amp; stay\n" in text
    assert "\n1\\. not a list either\n" in text
    html = MarkdownIt("commonmark").render(text)  # read back as a Markdown reader reads it
    assert "<p>- not a list, &amp;nbsp; &amp;amp; stay</p>" in html
    assert "<p>1. not a list either</p>" in html
