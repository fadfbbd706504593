"""The command line knows which report a brief is of: `briefer build --recipe B.pdf` refuses the
wrong report, `briefer diff` names what changed, `briefer new` writes a starter report."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from briefer.content.changes import OLD_TEXT_NOTE
from tests.conftest import CONTENT, MINI, package_without_fonts


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefer", *args], capture_output=True, text=True, cwd=cwd)


def _brief(tmp_path: Path, content: Path, *options: str) -> Path:
    out = tmp_path / "old-brief.pdf"
    done = run("build", "--content", str(content), "-o", str(out), *options)
    assert done.returncode == 0, done.stderr
    return out


def test_a_brief_of_another_report_is_refused_without_content(tmp_path: Path) -> None:
    pdf = _brief(tmp_path, MINI, "--country", "PL")
    done = run("build", "--recipe", str(pdf), "-o", str(tmp_path / "again.pdf"))
    assert done.returncode == 2
    assert done.stderr.strip() == (
        f"briefer: {pdf}: this brief was made from the report “Shared Rivers” (river-compact), and without "
        "--content briefer uses the shipped report “Withdrawal Symptoms” (withdrawal-symptoms): "
        "pass --content DIR, the folder of “Shared Rivers” (river-compact)"
    )
    assert not (tmp_path / "again.pdf").exists()
    done = run("build", "--recipe", str(pdf), "--content", str(MINI), "-o", str(tmp_path / "again.pdf"))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # the same report, unchanged: nothing to say


def test_batch_refuses_it_too(tmp_path: Path) -> None:
    pdf = _brief(tmp_path, MINI)
    done = run("batch", "--recipe", str(pdf), "--content", str(CONTENT), "-o", str(tmp_path / "out"))
    assert done.returncode == 2
    assert "not from “Withdrawal Symptoms” (withdrawal-symptoms) in" in done.stderr


def test_diff_after_editing_a_block_a_note_and_a_country_fact(tmp_path: Path) -> None:
    report = tmp_path / "report"
    shutil.copytree(MINI, report)
    pdf = _brief(tmp_path, report, "--country", "PL")
    assert run("diff", "--recipe", str(pdf), "--content", str(report)).stdout.strip() == (
        f"Shared Rivers: unchanged since {pdf} was made"
    )
    summary = report / "sections" / "01-summary.yaml"
    summary.write_text(summary.read_text(encoding="utf-8").replace("Over 300", "Over 310"), encoding="utf-8")
    cases = report / "sections" / "02-cases.yaml"
    cases.write_text(cases.read_text(encoding="utf-8").replace("Figures for 2020.", "Figures for 2021."), "utf-8")
    countries = report / "countries.yaml"
    countries.write_text(countries.read_text(encoding="utf-8").replace("seven", "eight"), encoding="utf-8")

    done = run("diff", "--recipe", str(pdf), "--content", str(report))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f"Shared Rivers: changed since {pdf} was made",
        "  Section “Summary” (summary): block summary-1 changed",
        "  Section “Two cases” (cases): note b changed",
        "  Countries: Poland (PL) facts changed",
        OLD_TEXT_NOTE,
    ]
    # rebuilding works, and says the same on stderr
    done = run("build", "--recipe", str(pdf), "--content", str(report), "-o", str(tmp_path / "new.pdf"))
    assert done.returncode == 0
    assert "note: The report “Shared Rivers” (river-compact) has changed since this brief was made:" in done.stderr
    assert "  Countries: Poland (PL) facts changed" in done.stderr.splitlines()


def test_diff_names_format_2_blocks_the_figures_image_and_the_status_declaration(tmp_path: Path) -> None:
    """A table cell, a list item, a sub-heading, the figure's image file (its bytes only), a
    status field's label and a country's status field: each named where it is."""
    report = tmp_path / "report"
    shutil.copytree(MINI, report)
    pdf = _brief(tmp_path, report, "--country", "UA")
    cases = report / "sections" / "02-cases.yaml"
    text = cases.read_text(encoding="utf-8")
    for old, new in (('[Africa, "64"]', '[Africa, "65"]'), ("- Lakes on a border", "- Lakes on borders")):
        assert old in text
        text = text.replace(old, new)
    cases.write_text(text.replace("heading: Where the rules apply", "heading: Where rules apply"), encoding="utf-8")
    image = report / "figures" / "basins.png"
    image.write_bytes(image.read_bytes() + b"\0")  # the same picture, another file
    meta = report / "report.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("label: In force,", "label: Entry into force,"), "utf-8")
    countries = report / "countries.yaml"
    countries.write_text(countries.read_text("utf-8").replace("joined: 2001-02-03", "joined: 2001-02-04"), "utf-8")

    done = run("diff", "--recipe", str(pdf), "--content", str(report))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == f"Shared Rivers: changed since {pdf} was made"
    assert "  The report's status declaration changed (field UNWC Entry into force)" in lines
    changed = "; ".join(f"block {b} changed" for b in ("where-rules-apply", "cases-5", "basins-table", "basins-figure"))
    assert f"  Section “Two cases” (cases): {changed}" in lines
    assert "  Countries: Ukraine (UA) status changed (UNWC: Joined)" in lines


def test_diff_of_a_recipe_naming_no_report(tmp_path: Path) -> None:
    recipe = Path(__file__).resolve().parents[1] / "data" / "recipes" / "format-1.yaml"
    done = run("diff", "--recipe", str(recipe))
    assert done.returncode == 2
    assert "names no report" in done.stderr


def test_new_writes_a_report_that_validates(tmp_path: Path) -> None:
    done = run("new", "my-report", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "wrote a starter report in my-report (5 files)" in done.stdout
    done = run("validate", "--content", "my-report", cwd=tmp_path)
    assert done.returncode == 0 and done.stderr == ""
    assert run("new", "my-report", cwd=tmp_path).returncode == 2


def test_a_newer_content_format_is_explained(tmp_path: Path) -> None:
    report = tmp_path / "report"
    shutil.copytree(MINI, report)
    meta = report / "report.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("format: 2\n", "format: 99\n"), encoding="utf-8")
    done = run("build", "--content", str(report), "-o", str(tmp_path / "b.pdf"))
    assert done.returncode == 2
    assert "content format 99, newer than this briefer reads" in done.stderr
    assert "Traceback" not in done.stderr


def test_missing_fonts_are_explained(tmp_path: Path) -> None:
    env = package_without_fonts(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "briefer", "build", "-o", str(tmp_path / "b.pdf")],
        capture_output=True, text=True, cwd=tmp_path, env=env,
    )  # fmt: skip
    assert done.returncode == 1
    # the first of their files briefer looks for is named: the table of what they print, or a face
    assert done.stderr.startswith("briefer: cannot find the fonts briefs are set in (")
    assert "reinstall briefer" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "b.pdf").exists()


def test_missing_fonts_are_explained_by_a_batch_too(tmp_path: Path) -> None:
    """The batch's fork server registers the fonts for its workers; without them it must neither
    die silently nor hang: the workers say what is missing."""
    env = package_without_fonts(tmp_path)
    people = tmp_path / "people.csv"
    people.write_text("name\nAda Lovelace\nŁukasz Wójcik\nОлена Ковальчук\n", encoding="utf-8")
    argv = ["batch", "--recipients", str(people), "--jobs", "2", "-o", str(tmp_path / "out")]
    done = subprocess.run(
        [sys.executable, "-m", "briefer", *argv], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120
    )
    assert done.returncode != 0 and "Traceback" not in done.stderr, done.stderr
    assert "fonts" in done.stderr, done.stderr
    assert not list((tmp_path / "out").glob("*.pdf"))
