"""The About text: the source report's credits and the fonts' licences, read from assets at run time.

No widgets here (dialogs.py shows it), so the text can be checked without a window.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from briefer import __version__
from briefer.content.model import Report, plain_text

FONT_DIR = Path(__file__).resolve().parents[2] / "assets" / "fonts"
LICENCE_NAMES = re.compile(r"(OFL|LICEN[CS]E|COPYING)", re.IGNORECASE)

# used only when no report is loaded (the content folder is broken)
SOURCE_TITLE = "Withdrawal Symptoms"
SOURCE_AUTHORS = ("Lou Maresca", "Magnus Løvold")
SOURCE_PUBLISHER = "Lex International Fund"


def font_families(folder: Path) -> list[str]:
    """'NotoSerif-Bold.ttf' -> 'Noto Serif', one entry per family, in name order."""
    stems = sorted({p.stem.split("-")[0] for p in folder.glob("*.[ot]tf")})
    return [re.sub(r"(?<=[a-z])(?=[A-Z])", " ", stem) for stem in stems]


def licence_files(folder: Path) -> list[Path]:
    return (
        sorted(p for p in folder.iterdir() if p.is_file() and LICENCE_NAMES.search(p.name)) if (folder.is_dir()) else []
    )


def licence_summary(path: Path) -> tuple[str, list[str]]:
    """The licence's name and version, and its copyright lines."""
    try:
        lines = [line.strip() for line in path.read_text(encoding="utf-8", errors="replace").splitlines()]
    except OSError:
        return path.name, []
    name = next((line for line in lines if "LICENSE" in line.upper() and len(line) < 80), path.name)
    version = next((line for line in lines if line.lower().startswith("version ")), "")
    title = name.title().replace("Sil ", "SIL ") + (f", {version.split(' - ')[0].lower()}" if version else "")
    return title, [line for line in lines if line.lower().startswith("copyright")]


def about_html(fonts: Path | None = None, report: Report | None = None) -> str:
    folder = fonts or FONT_DIR
    title = report.title if report else SOURCE_TITLE
    authors = report.authors if report else SOURCE_AUTHORS
    publisher = report.publisher if report else SOURCE_PUBLISHER
    year = f", {report.year}" if report else ""
    e = html.escape
    parts = [
        f"<h3>briefer {e(__version__)}</h3>",
        "<p>Tailored, footnoted, print-ready briefing packs from a report kept as structured content.</p>",
        f"<p>The shipped content is drawn from <i>{e(title)}</i> by {e(' and '.join(authors))}, "
        f"published by {e(publisher)}{e(year)}. Credit the report and its publisher when you hand "
        "a brief on.</p>",
    ]
    if report and report.url:
        parts.append(f'<p>The report: <a href="{e(report.url)}">{e(report.url)}</a></p>')
    if report and report.about:
        parts.append(f"<p>{e(plain_text(report.about))}</p>")
    families = font_families(folder) if folder.is_dir() else []
    for licence in licence_files(folder):
        name, copyrights = licence_summary(licence)
        which = ", ".join(families) if families else "The fonts"
        parts.append(
            f"<p>{e(which)}: {e(name)} (<code>{e(licence.name)}</code> in {e(str(folder))})"
            + "".join(f"<br>{e(c)}" for c in copyrights)
            + "</p>"
        )
    if not licence_files(folder):
        parts.append(f"<p>No font licence file was found in {e(str(folder))}.</p>")
    parts.append("<p>Built with Qt for Python (PySide6, LGPLv3), ReportLab (BSD) and PyYAML (MIT).</p>")
    return "\n".join(parts)
