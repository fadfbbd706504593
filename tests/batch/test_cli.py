"""`briefer batch`: what it prints, what it writes, and that bad input builds nothing."""

from __future__ import annotations

import io

import pytest

from briefer.cli import main
from briefer.cli.progress import ProgressBar

SHORT = ["--sections", "foreword"]


def test_matrix_with_booklets_prints_every_file(tmp_path, capsys):
    out = tmp_path / "out"
    code = main(
        [
            "batch",
            *SHORT,
            "--audience",
            "media",
            "--country",
            "FI",
            "--country",
            "UA",
            "--booklet",
            "--jobs",
            "2",
            "-o",
            str(out),
        ]
    )
    stdout, stderr = capsys.readouterr()
    assert code == 0, stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == ["media-finland-booklet.pdf", "media-finland.pdf", "media-ukraine-booklet.pdf", "media-ukraine.pdf"]
    for name in names:
        assert f"wrote {out / name} (" in stdout
    assert "(booklet: 6 pages on 2 sheets, 2 blank pages added)" in stdout
    assert "note: booklets are A5 on A4 sheets" in stdout
    assert "built 2 briefs in " in stderr and "with 2 processes" in stderr


def test_at_a_glance_says_what_it_left_out(tmp_path, capsys):
    code = main(["batch", "--at-a-glance", "--audience", "diplomats", "--country", "FI", "-o", str(tmp_path)])
    stdout, _ = capsys.readouterr()
    assert code == 0
    assert f"wrote {tmp_path / 'diplomats-finland-at-a-glance.pdf'} (1 page; left out to fit: " in stdout


def test_combined_needs_recipients(tmp_path, capsys):
    assert main(["batch", "--combined", "-o", str(tmp_path / "out")]) == 2
    assert "--combined joins personalised copies" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


BAD_CSVS = {
    "missing-column": (b"name,organisation\nAda,Lab\n", "people.csv: line 1: missing column title"),
    "latin-1": (
        "name;title;organisation\nAda;Dr;Lab\nJürgen;Dr;Lab\n".encode("latin-1"),
        "people.csv: line 3: not UTF-8 text",
    ),
    "empty": (b"", "people.csv: the file is empty"),
    "duplicate": (
        b"name,title,organisation\nAda,Dr,Lab\nBo,,\nAda,Prof,Uni\n",
        "people.csv: line 4: the name 'Ada' is already on line 2",
    ),
}


@pytest.mark.parametrize("case", BAD_CSVS)
def test_a_bad_csv_is_reported_by_line_and_nothing_is_built(tmp_path, capsys, case):
    data, expected = BAD_CSVS[case]
    csv = tmp_path / "people.csv"
    csv.write_bytes(data)
    out = tmp_path / "out"
    assert main(["batch", "--recipients", str(csv), "-o", str(out)]) == 2
    stderr = capsys.readouterr().err
    assert "nothing was built" in stderr and expected in stderr
    assert not out.exists()


def test_unknown_audience_is_reported_before_building(tmp_path, capsys):
    assert main(["batch", "--audience", "press", "--country", "FI", "-o", str(tmp_path / "out")]) == 2
    assert "unknown audience 'press'" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_is_drawn_only_on_a_terminal():
    plain, out = io.StringIO(), io.StringIO()
    bar = ProgressBar(4, plain, out)
    bar.update(1, "a")
    bar.print("wrote a.pdf")
    bar.close()
    assert plain.getvalue() == "" and out.getvalue() == "wrote a.pdf\n"

    tty, out = FakeTerminal(), io.StringIO()
    bar = ProgressBar(4, tty, out)
    bar.update(2, "media-finland")
    assert "[" + "#" * 13 in tty.getvalue() and "2/4" in tty.getvalue() and "media-finland" in tty.getvalue()
    bar.print("wrote b.pdf")
    bar.close()
    assert tty.getvalue().endswith("\r\x1b[K") and out.getvalue() == "wrote b.pdf\n"
    assert len(bar.render(40)) < 40
