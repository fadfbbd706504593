"""The About text: the open report's own credits and the fonts' licences, read at run time.

No widgets here (dialogs.py shows it), so the text can be checked without a window. The report's
words come only from the report that is open: never another report's, never a fallback.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from briefer import __version__
from briefer.content.model import Report, plain_text
from briefer.content.resources import font_dir
from briefer.gui.i18n import _

FONT_DIR = font_dir()
LICENCE_NAMES = re.compile(r"(OFL|LICEN[CS]E|COPYING)", re.IGNORECASE)


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


def report_html(report: Report | None) -> list[str]:
    """The open report's title, authors, publisher, year, `about` and `url`, as paragraphs."""
    e = html.escape
    if report is None:
        return [f"<p>{e(_('No report is open: the report folder has errors to fix (see the preview).'))}</p>"]
    title = e(report.title) + (f": {e(report.subtitle)}" if report.subtitle else "")
    credit = _(
        "The open report is {title} by {authors}, published by {publisher}, {year}. "
        "Credit the report and its publisher when you hand a brief on."
    )
    authors = e(_(" and ").join(report.authors))
    said = credit.format(title=f"<i>{title}</i>", authors=authors, publisher=e(report.publisher), year=report.year)
    parts = [f"<p>{said}</p>"]
    if report.about:
        parts.append(f"<p>{e(plain_text(report.about))}</p>")
    if report.url:
        parts.append(f'<p><a href="{e(report.url, quote=True)}">{e(report.url)}</a></p>')
    return parts


def about_html(fonts: Path | None = None, report: Report | None = None) -> str:
    folder = fonts or FONT_DIR
    e = html.escape
    parts = [
        f"<h3>briefer {e(__version__)}</h3>",
        f"<p>{e(_('Tailored, footnoted, print-ready briefing packs from a report kept as structured content.'))}</p>",
        *report_html(report),
    ]
    families = font_families(folder) if folder.is_dir() else []
    for licence in licence_files(folder):
        name, copyrights = licence_summary(licence)
        which = ", ".join(families) if families else _("The fonts")
        parts.append(
            f"<p>{e(which)}: {e(name)} (<code>{e(licence.name)}</code> in {e(str(folder))})"
            + "".join(f"<br>{e(c)}" for c in copyrights)
            + "</p>"
        )
    if not licence_files(folder):
        parts.append(f"<p>{e(_('No font licence file was found in {folder}.').format(folder=folder))}</p>")
    parts.append(f"<p>{e(_('Built with Qt for Python (PySide6, LGPLv3), ReportLab (BSD) and PyYAML (MIT).'))}</p>")
    return "\n".join(parts)
