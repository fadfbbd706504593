"""The built wheel is briefer whole: installed into a fresh environment outside the checkout it
builds a brief from the shipped report it carries, builds another report's, runs a batch, writes
a starter report, and opens the app offscreen. Marked `install` (slow: it builds the wheel)."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import CONTENT, GAO, ROOT
from tests.packaging.install import build_wheel, clean_env, fresh_venv

EXAMPLES = GAO.parent

pytestmark = pytest.mark.install


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """(the wheel, the fresh environment's python, an empty working folder outside the checkout)."""
    place = tmp_path_factory.mktemp("install")
    wheel = build_wheel(place / "dist")
    python = fresh_venv(place, wheel)
    work = place / "elsewhere"
    work.mkdir()
    return wheel, python, work


def run(python: Path, work: Path, *args: str) -> subprocess.CompletedProcess[str]:
    briefer = python.parent / "briefer"  # the console script the wheel installed
    return subprocess.run([str(briefer), *args], capture_output=True, text=True, cwd=work, env=clean_env(work))


def test_the_wheel_carries_every_module_the_report_and_the_fonts(installed: tuple[Path, Path, Path]) -> None:
    wheel = installed[0]
    names = set(zipfile.ZipFile(wheel).namelist())
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "briefer").rglob("*.py")}
    assert modules <= names, sorted(modules - names)
    content = {"briefer/shipped/content/" + p.relative_to(CONTENT).as_posix() for p in CONTENT.rglob("*.yaml")}
    assert content <= names, sorted(content - names)
    # every file of the fonts' folder: the faces, their licence, and the character table
    fonts = {f"briefer/shipped/fonts/{p.name}" for p in (ROOT / "assets" / "fonts").iterdir()}
    assert {"briefer/shipped/fonts/OFL.txt", "briefer/shipped/fonts/coverage.txt"} <= fonts
    assert len([f for f in fonts if f.endswith(".ttf")]) >= 8
    assert fonts <= names, sorted(fonts - names)


def test_the_wheel_carries_the_example_reports(installed: tuple[Path, Path, Path]) -> None:
    names = set(zipfile.ZipFile(installed[0]).namelist())
    files = [p.relative_to(EXAMPLES).as_posix() for p in EXAMPLES.rglob("*") if p.is_file()]
    examples = {f"briefer/shipped/examples/{name}" for name in files}
    assert "briefer/shipped/examples/gao-26-107955/figures/key-elements.png" in examples
    assert examples <= names, sorted(examples - names)


def test_the_installed_briefer_builds_the_example_by_its_name(installed: tuple[Path, Path, Path]) -> None:
    """`--content gao-26-107955` in a folder without one: the example the wheel carries, its figure read from it."""
    _, python, work = installed
    done = run(python, work, "build", "--content", "gao-26-107955", "-o", "gao.pdf")
    assert done.returncode == 0, done.stderr
    reader = PdfReader(work / "gao.pdf")
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Defense Contractor Cybersecurity" in text and "Table 1" in text
    images = [name for page in reader.pages for name in page.images]
    assert images, "the figure's image is missing"
    done = run(python, work, "--content", "gao-26-107955", "--screenshot", "gao.png")
    assert done.returncode == 0, done.stderr
    assert "Defense Contractor Cybersecurity — briefer" in done.stderr


def test_briefer_is_read_from_the_wheel_only(installed: tuple[Path, Path, Path]) -> None:
    _, python, work = installed
    code = (
        "import sys, briefer.cli, briefer.content.resources as r\n"
        "mods = [m.__file__ for n, m in sys.modules.items() if n.split('.')[0] == 'briefer']\n"
        "print(sys.prefix); print(r.shipped_content_dir()); print(r.font_dir())\n"
        "print('\\n'.join(mods)); print('\\n'.join(sys.path))\n"
    )
    done = subprocess.run([str(python), "-c", code], capture_output=True, text=True, cwd=work, env=clean_env(work))
    assert done.returncode == 0, done.stderr
    prefix, content, fonts, *rest = done.stdout.splitlines()
    assert prefix == str(python.parent.parent)
    site = next(p for p in rest if p.endswith("site-packages"))
    assert content == f"{site}/briefer/shipped/content" and fonts == f"{site}/briefer/shipped/fonts"
    assert all(line.startswith(site) for line in rest if line.endswith(".py"))
    assert not any(str(ROOT) in line for line in rest), "the checkout is visible to the installed briefer"


def test_the_installed_briefer_builds_a_brief_of_the_shipped_report(installed: tuple[Path, Path, Path]) -> None:
    _, python, work = installed
    done = run(python, work, "build", "--audience", "parliamentarians", "--country", "FI", "-o", "brief.pdf")
    assert done.returncode == 0, done.stderr
    reader = PdfReader(work / "brief.pdf")
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Withdrawal Symptoms" in text and "Finland" in text
    fonts = {str(f["/BaseFont"]) for page in reader.pages for f in page["/Resources"]["/Font"].values()}
    assert any(name.endswith("+NotoSerif-Regular") for name in fonts), fonts  # embedded, from the wheel


def test_the_installed_briefer_builds_a_brief_in_ukrainian(installed: tuple[Path, Path, Path]) -> None:
    """The wheel carries the compiled word catalogues and the shipped translations."""
    wheel, python, work = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "briefer/locale/uk/LC_MESSAGES/brief.mo" in names and "briefer/locale/uk/LC_MESSAGES/brief.po" in names
    done = run(python, work, "build", "--language", "uk", "--sections", "conclusion", "--audience", "diplomats",
               "--country", "SE", "--country", "NO", "-o", "uk.pdf")  # fmt: skip
    assert done.returncode == 0, done.stderr
    text = "".join(page.extract_text() for page in PdfReader(work / "uk.pdf").pages)
    assert "Висновок: справа у фактах" in text and "Ключові тези" in text


def test_the_installed_briefer_writes_builds_and_batches_another_report(installed: tuple[Path, Path, Path]) -> None:
    _, python, work = installed
    assert run(python, work, "new", "our-report").returncode == 0
    done = run(python, work, "build", "--content", "our-report", "--country", "FI", "-o", "ours.pdf")
    assert done.returncode == 0, done.stderr
    assert "Title of Your Report" in PdfReader(work / "ours.pdf").pages[0].extract_text()
    done = run(python, work, "build", "--recipe", "ours.pdf", "-o", "again.pdf")
    assert done.returncode == 2 and "pass --content DIR, the folder of “Title of Your Report”" in done.stderr
    done = run(python, work, "batch", "--audience", "media", "--country", "FI", "--country", "UA", "-o", "out")
    assert done.returncode == 0, done.stderr
    assert len(list((work / "out").glob("*.pdf"))) == 2


def test_the_installed_app_opens_offscreen_and_quits(installed: tuple[Path, Path, Path]) -> None:
    _, python, work = installed
    done = run(python, work, "--content", "our-report", "--screenshot", "window.png")
    if done.returncode != 0 and not (work / "our-report").exists():
        pytest.fail("run after test_the_installed_briefer_writes_builds_and_batches_another_report")
    assert done.returncode == 0, done.stderr
    assert "Untitled — Title of Your Report — briefer: saved window.png" in done.stderr
    assert (work / "window.png").read_bytes().startswith(b"\x89PNG")
    done = run(python, work, "--screenshot", "again.png")  # the report open last time opens again
    assert done.returncode == 0 and "Untitled — Title of Your Report — briefer" in done.stderr
    (work / "settings.ini").unlink()  # a first start: the shipped report the wheel carries
    done = run(python, work, "--screenshot", "shipped.png")
    assert done.returncode == 0 and "Untitled — Withdrawal Symptoms — briefer" in done.stderr
