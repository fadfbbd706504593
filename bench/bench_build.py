"""Whole builds from the command line, beside peer toolchains given the same text.

    python bench/bench_build.py [--runs N] [--keep DIR] [--no-peers]

Measures, after one untimed warm-up, N runs (default 7) of each route and prints one table:
median wall time, peak memory (max RSS of the process and its children, from wait4), pages,
and how many notes begin on the page of their marker.

  briefer   `python -m briefer build -o X.pdf --audience parliamentarians --country FI
            --country LT --country UA` (A4, the whole report), and the same with
            `--sections self-destruct`, each also with BRIEFER_NO_CACHE=1 (the first run after
            the content changed: no cached report or fonts); plus the in-process rebuild the live preview pays
            (load_report once, then `briefer.build.build_bytes(report, recipe, "pdf")`, median),
            run in a child process so that its peak memory is its own.
  peers     fed the Markdown briefer writes for the same options (`build -o brief.md`, not
            timed), with briefer's fonts (Noto Serif/Sans) where the tool can take them:
            - pandoc -> HTML -> WeasyPrint, notes as page footnotes (`float: footnote`; the
              Lua filter bench/footnotes-inline.lua puts each note's text at its marker);
            - pandoc -> LaTeX -> PDF with xelatex (fontspec, Noto) and with pdflatex (Latin
              Modern), pandoc's native footnotes;
            - bare ReportLab (SimpleDocTemplate, the same paragraphs, notes as endnotes), its
              layout timed in-process and as a script end to end.
A tool that is missing gives a "not installed" row. Targets (issue 16): the whole report under
0.40 s end to end (under 0.2 s above the floor of the same run) and at least 2x faster than the
LaTeX route and 2.5x faster than WeasyPrint; one section under 0.28 s (0.1 s above the floor);
an in-process rebuild under 0.15 s; peak memory under 120 MiB. Always exits 0: this is a
measurement, not a test. bench/README.md says what to install for the peers.
"""

from __future__ import annotations

import argparse
import compileall
import html
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
FONTS = ROOT / "assets" / "fonts"
LUA_FILTER = BENCH / "footnotes-inline.lua"
PYTHON = sys.executable

FULL = ("--audience", "parliamentarians", "--country", "FI", "--country", "LT", "--country", "UA")
ONE = ("--sections", "self-destruct")
BRIEFS = {"whole": FULL, "one": ONE}

TARGET_WHOLE_S = 0.40  # issue 16
TARGET_ONE_S = 0.28
TARGET_WHOLE_ABOVE_FLOOR_S = 0.20  # briefer's own cost: its time less the floor's, same run
TARGET_ONE_ABOVE_FLOOR_S = 0.10
TARGET_REBUILD_S = 0.15
TARGET_PEAK_MIB = 120.0
TARGET_VS_LATEX = 2.0
TARGET_VS_WEASYPRINT = 2.5

# places a WeasyPrint made for these benchmarks may be (README: /tmp/bench-venv)
WEASYPRINT_CANDIDATES = ("/tmp/bench-venv/bin/weasyprint",)


# --------------------------------------------------------------------------- running and timing


class StepFailed(Exception):
    pass


def run_step(argv: list[str], cwd: Path | None = None) -> tuple[float, float, str]:
    """Run one command to its end: (wall seconds, peak RSS MiB of it and its children, stdout)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)  # already reaped: keep Popen quiet
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        if proc.returncode != 0:
            lines = [ln for ln in (stdout + err.read().decode("utf-8", "replace")).splitlines() if ln.strip()]
            tail = lines[-1] if lines else ""
            raise StepFailed(f"{Path(argv[0]).name} exited {proc.returncode}: {tail[:90]}")
    return seconds, usage.ru_maxrss / 1024, stdout


def run_pipeline(steps: list[list[str]], cwd: Path | None = None) -> tuple[float, float]:
    """Steps one after the other: total wall time, the largest peak RSS of any step."""
    total, peak = 0.0, 0.0
    for argv in steps:
        seconds, mib, _ = run_step(argv, cwd)
        total += seconds
        peak = max(peak, mib)
    return total, peak


@dataclass
class Row:
    route: str
    brief: str
    seconds: float | None = None
    peak_mib: float | None = None
    pdf: Path | None = None
    pages: int | None = None
    notes: str = ""
    note: str = ""  # "not installed", "failed: ...", or a remark
    samples: list[float] = field(default_factory=list)


def timed(route: str, brief: str, steps: list[list[str]], pdf: Path | None, runs: int, cwd: Path | None = None) -> Row:
    row = Row(route, brief, pdf=pdf)
    try:
        run_pipeline(steps, cwd)  # warm-up: disk caches, font caches, TeX's format files
        results = [run_pipeline(steps, cwd) for _ in range(runs)]
    except StepFailed as failed:
        row.note = f"failed: {failed}"
        row.pdf = None
        return row
    row.samples = [s for s, _ in results]
    row.seconds = statistics.median(row.samples)
    row.peak_mib = max(m for _, m in results)
    return row


# --------------------------------------------------------------------------- reading PDFs back


def squash_alnum(text: str) -> str:
    """Lower-case letters and digits only: survives hyphenation, ligatures, quotes and spacing."""
    text = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch for ch in text if ch.isalnum())


def note_keys(markdown: str) -> dict[int, str]:
    """Each note's number followed by its first letters: how its text begins in a PDF."""
    keys = {}
    for match in re.finditer(r"^\[\^(\d+)\]:\s*(.*)$", markdown, re.MULTILINE):
        number = int(match.group(1))
        keys[number] = f"{number}{squash_alnum(match.group(2))[:16]}"
    return keys


def _page_chars(textpage, pdfium_c, ctypes) -> list[tuple[str, float, float]]:  # noqa: ANN001
    """(character, baseline y, font size) of each printed character, in content order."""
    x, y = ctypes.c_double(), ctypes.c_double()
    chars = []
    for index in range(textpage.count_chars()):
        char = chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, index))
        if not char.strip():
            continue
        pdfium_c.FPDFText_GetCharOrigin(textpage.raw, index, ctypes.byref(x), ctypes.byref(y))
        chars.append((char, y.value, pdfium_c.FPDFText_GetFontSize(textpage.raw, index)))
    return chars


def note_placement(pdf: Path, keys: dict[int, str]) -> tuple[int, str]:
    """Pages, and "k/N": notes whose text begins on the page of their marker.

    A marker is a run of digits set small and raised above the character before it on the same
    line (a note's own number at the foot starts a line, so it never counts); a note begins on a
    page when the page's text holds its number followed by its first letters.
    """
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    document = pdfium.PdfDocument(str(pdf))
    pages = len(document)
    if not keys:
        return pages, "no notes"
    chars, texts = [], []
    for index in range(pages):
        textpage = document[index].get_textpage()
        chars.append(_page_chars(textpage, pdfium_c, ctypes))
        texts.append(squash_alnum(textpage.get_text_bounded()))
    sizes = Counter(round(size, 1) for page in chars for ch, _, size in page if ch.isalpha())
    body = sizes.most_common(1)[0][0] if sizes else 10.0
    marker_page: dict[int, int] = {}
    for page, found in enumerate(chars):
        before = None  # (baseline, size) of the last character that was not part of a digit run
        i = 0
        while i < len(found):
            char, base, size = found[i]
            if char.isdigit() and size < 0.9 * body:
                j = i
                while j < len(found) and found[j][0].isdigit() and abs(found[j][1] - base) < 0.5:
                    j += 1
                raised = before is not None and 0.15 * body < base - before[0] < 1.2 * body
                # a line may break before a marker (WeasyPrint does): alone on its line, then
                after = found[j][1] if j < len(found) else None
                alone = (
                    before is not None
                    and before[0] - base > 0.3 * body
                    and (after is None or abs(after - base) > 1.2 * body)
                )
                if raised or alone:
                    marker_page.setdefault(int("".join(c for c, _, _ in found[i:j])), page)
                i = j
                continue
            before = (base, size)
            i += 1
    same = sum(1 for n, key in keys.items() if n in marker_page and key in texts[marker_page[n]])
    return pages, f"{same}/{len(keys)}"


def read_back(pdf: Path, keys: dict[int, str]) -> tuple[int | None, str]:
    """Pages and notes on their marker's page; never fails the bench."""
    try:
        return note_placement(pdf, keys)
    except ImportError:
        return None, "n/a (no pypdfium2)"
    except Exception as error:  # an unreadable PDF is a finding, not a crash
        return None, f"n/a ({type(error).__name__})"


# --------------------------------------------------------------------------- the peers' inputs


def weasyprint_css(folder: Path) -> Path:
    """Briefer's A4 page, type sizes and fonts, notes as page footnotes."""
    faces = []
    for family, stem in (("Noto Serif", "NotoSerif"), ("Noto Sans", "NotoSans")):
        for weight, style, suffix in (
            ("normal", "normal", "Regular"),
            ("bold", "normal", "Bold"),
            ("normal", "italic", "Italic"),
            ("bold", "italic", "BoldItalic"),
        ):
            url = (FONTS / f"{stem}-{suffix}.ttf").as_uri()
            faces.append(
                f'@font-face {{ font-family: "{family}"; font-weight: {weight}; font-style: {style}; '
                f"src: url({url}); }}"
            )
    css = (
        "\n".join(faces)
        + """
@page { size: A4; margin: 24mm 25mm 22mm 25mm;
  @bottom-center { content: counter(page); font: 7.5pt "Noto Sans"; }
  @footnote { border-top: 0.5pt solid black; padding-top: 4pt; } }
body { font: 10.5pt/15pt "Noto Serif"; hyphens: auto; }
h1, h2, h3 { font-family: "Noto Sans"; break-after: avoid; }
blockquote { margin-left: 2em; }
table { border-collapse: collapse; font-size: 9pt; } td, th { border: 0.5pt solid #999; padding: 2pt 4pt; }
.fn { float: footnote; font-size: 8.5pt; line-height: 11.2pt; }
::footnote-call { vertical-align: super; font-size: 65%; line-height: 0; }
"""
    )
    path = folder / "brief.css"
    path.write_text(css, encoding="utf-8")
    return path


def latex_options(engine: str) -> list[str]:
    common = [
        f"--pdf-engine={engine}",
        "-V", "papersize=a4",
        "-V", "geometry:top=24mm,bottom=22mm,left=25mm,right=25mm",
        "-V", "fontsize=10pt",
        "-V", "linestretch=1.25",
    ]  # fmt: skip
    if engine != "xelatex":
        return common  # pdflatex: Latin Modern (lmodern), T1 encoding: Latin scripts only
    faces = "UprightFont=*-Regular,BoldFont=*-Bold,ItalicFont=*-Italic,BoldItalicFont=*-BoldItalic"
    path = f"Path={FONTS}/,Extension=.ttf,{faces}"
    return common + [
        "-V", "mainfont=NotoSerif", "-V", f"mainfontoptions={path}",
        "-V", "sansfont=NotoSans", "-V", f"sansfontoptions={path}",
    ]  # fmt: skip


def find_weasyprints() -> list[str]:
    """Every WeasyPrint at hand ($BENCH_WEASYPRINT, the bench venv, PATH), each once."""
    found: dict[str, str] = {}
    for candidate in (os.environ.get("BENCH_WEASYPRINT"), *WEASYPRINT_CANDIDATES, shutil.which("weasyprint")):
        if candidate and os.access(candidate, os.X_OK):
            found.setdefault(os.path.realpath(candidate), candidate)
    return list(found.values())


def version(argv: list[str]) -> str:
    try:
        out = subprocess.run(argv, capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        return ""
    match = re.search(r"\d+(\.\d+)+", out)
    return match.group(0) if match else ""


# --------------------------------------------------------------------------- the ReportLab peer


def _inline(text: str) -> str:
    """Markdown inline text (as briefer writes it) to ReportLab paragraph markup."""
    text = html.escape(text, quote=False)
    text = re.sub(r"(?<!\\)\[\^(\d+)\]", r"<super>\1</super>", text)
    text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)
    text = re.sub(r"(?<![\\*])\*(?!\s)(.+?)(?<![\s\\])\*", r"<i>\1</i>", text)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|])", r"\1", text)
    return text.replace("  \n", "<br/>").replace("\n", " ")


def reportlab_endnotes(markdown: str) -> bytes:
    """A plain SimpleDocTemplate: the same paragraphs, lists, quotes and table; notes at the end."""
    import io

    from reportlab.lib.enums import TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    sys.path.insert(0, str(ROOT))
    from briefer.render.fonts import register_fonts

    fonts = register_fonts()
    body = ParagraphStyle("body", fontName=fonts.serif.regular, fontSize=10.5, leading=15, spaceAfter=6)
    bullet = ParagraphStyle("bullet", body, leftIndent=14, bulletIndent=3, spaceAfter=3)
    quote = ParagraphStyle("quote", body, leftIndent=24, rightIndent=12)
    cell = ParagraphStyle("cell", body, fontSize=9, leading=11.5, spaceAfter=0)
    note = ParagraphStyle("note", body, fontSize=8.5, leading=11.2, leftIndent=16, bulletIndent=0, spaceAfter=2)
    headings = {
        level: ParagraphStyle(
            f"h{level}", body, fontName=fonts.sans.bold, fontSize=size, leading=size * 1.3,
            spaceBefore=size * 0.8, spaceAfter=size * 0.4, keepWithNext=1, alignment=TA_LEFT,
        )
        for level, size in ((1, 20), (2, 14), (3, 11.5))
    }  # fmt: skip

    story: list = []
    notes: list[tuple[str, str]] = []
    for block in re.split(r"\n\s*\n", markdown):
        block = block.strip("\n")
        if not block.strip():
            continue
        if block.startswith("[^"):
            notes += re.findall(r"^\[\^(\d+)\]:\s*(.*)$", block, re.MULTILINE)
        elif block.startswith("#"):
            hashes, _, title = block.partition(" ")
            story.append(Paragraph(_inline(title), headings[min(len(hashes), 3)]))
        elif block.startswith("|"):
            rows = [r.strip().strip("|").split("|") for r in block.splitlines() if not re.match(r"^\|[-|: ]+\|$", r)]
            table = Table([[Paragraph(_inline(c.strip()), cell) for c in r] for r in rows], repeatRows=1)
            grid = [("GRID", (0, 0), (-1, -1), 0.5, "#999999"), ("VALIGN", (0, 0), (-1, -1), "TOP")]
            table.setStyle(TableStyle(grid))
            story.append(table)
        elif block.startswith(">"):
            text = "\n".join(re.sub(r"^>\s?", "", line) for line in block.splitlines())
            story += [Paragraph(_inline(p), quote) for p in re.split(r"\n\s*\n", text) if p.strip()]
        elif re.match(r"^(- |\d+\. )", block):
            for item in re.split(r"\n(?=- |\d+\. )", block):
                mark, _, text = item.partition(" ")
                story.append(Paragraph(_inline(text), bullet, bulletText="•" if mark == "-" else mark))
        else:
            story.append(Paragraph(_inline(block), body))
    if notes:
        story.append(Paragraph("Notes", headings[2]))
        story += [Paragraph(_inline(text), note, bulletText=f"{number}") for number, text in notes]

    def folio(canvas, doc) -> None:  # noqa: ANN001
        canvas.setFont(fonts.sans.regular, 7.5)
        canvas.drawCentredString(A4[0] / 2, 12 * mm, str(doc.page))

    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm, topMargin=24 * mm, bottomMargin=22 * mm
    )
    doc.build(story, onFirstPage=folio, onLaterPages=folio)
    return out.getvalue()


# --------------------------------------------------------------------------- child processes


def child_rebuild(runs: int) -> None:
    """In a fresh process: load once, then time build_bytes for each brief; JSON on stdout."""
    import resource

    sys.path.insert(0, str(ROOT))
    from briefer.build import build_bytes
    from briefer.content.load import load_report
    from briefer.tailor.recipe import Recipe

    report = load_report()
    recipes = {
        "whole": Recipe(audience="parliamentarians", countries=("FI", "LT", "UA")),
        "one": Recipe(sections=("self-destruct",)),
    }
    result = {}
    for name, recipe in recipes.items():
        build_bytes(report, recipe, "pdf")  # warm-up: fonts, styles, per-process caches
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            build_bytes(report, recipe, "pdf")
            times.append(time.perf_counter() - started)
        result[name] = times
    result["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def child_reportlab(markdown_path: str, runs: int) -> None:
    """In a fresh process: the ReportLab layout of a Markdown file, repeated; JSON on stdout."""
    import resource

    markdown = Path(markdown_path).read_text(encoding="utf-8")
    reportlab_endnotes(markdown)  # warm-up: imports, fonts
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        reportlab_endnotes(markdown)
        times.append(time.perf_counter() - started)
    print(json.dumps({"times": times, "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def script_reportlab(markdown_path: str, pdf_path: str) -> None:
    """The ReportLab peer as a script: read the Markdown, lay it out, write the PDF."""
    markdown = Path(markdown_path).read_text(encoding="utf-8")
    Path(pdf_path).write_bytes(reportlab_endnotes(markdown))


# --------------------------------------------------------------------------- the bench


def bench(runs: int, folder: Path, peers: bool) -> list[Row]:
    rows: list[Row] = []
    this = str(Path(__file__).resolve())
    briefer = [PYTHON, "-m", "briefer", "build"]
    # an installed briefer runs from bytecode pip compiled; a checkout run with
    # PYTHONDONTWRITEBYTECODE would compile every module from source on every run
    compileall.compile_dir(ROOT / "briefer", quiet=1)
    markdown: dict[str, Path] = {}
    for name, options in BRIEFS.items():
        pdf = folder / f"briefer-{name}.pdf"
        rows.append(timed("briefer CLI (python -m briefer build)", name, [briefer + ["-o", str(pdf), *options]], pdf,
                          runs, ROOT))  # fmt: skip
        # the first run after the content changed: no cached report (nor, here, cached fonts)
        cold = ["env", "BRIEFER_NO_CACHE=1", *briefer, "-o", str(pdf), *options]
        rows.append(timed("briefer CLI, cache off (BRIEFER_NO_CACHE=1)", name, [cold], pdf, runs, ROOT))
        try:
            run_step(briefer + ["-o", str(folder / f"brief-{name}.md"), *options], ROOT)
            markdown[name] = folder / f"brief-{name}.md"
        except StepFailed:
            pass  # the peers are skipped below

    # what any Python route pays before its first page: the interpreter and ReportLab's import
    floor = [[PYTHON, "-c", "import reportlab.platypus"]]
    rows.append(timed("floor: python -c 'import reportlab.platypus'", "-", floor, None, runs, ROOT))

    try:
        _, _, out = run_step([PYTHON, this, "--child-rebuild", str(runs)], ROOT)
        measured = json.loads(out)
        for name in BRIEFS:
            rows.append(Row("briefer in-process rebuild (build_bytes)", name, statistics.median(measured[name]),
                            measured["peak_mib"], None, samples=measured[name]))  # fmt: skip
    except (StepFailed, ValueError, KeyError) as failed:
        rows.append(Row("briefer in-process rebuild (build_bytes)", "whole", note=f"failed: {failed}"))

    if not peers:
        return rows
    if len(markdown) < len(BRIEFS):
        rows.append(Row("peers", "-", note="skipped: briefer could not write the Markdown they start from"))
        return rows

    pandoc = shutil.which("pandoc")
    css = weasyprint_css(folder)
    for number, weasyprint in enumerate(find_weasyprints() or [None]):
        where = "system" if weasyprint is None or weasyprint.startswith("/usr/") else Path(weasyprint).parent.parent
        route = (
            f"pandoc → HTML → WeasyPrint {version([weasyprint, '--version'])} ({where})"
            if weasyprint
            else "pandoc → HTML → WeasyPrint"
        )
        for name in BRIEFS:
            missing = [tool for tool, path in (("pandoc", pandoc), ("weasyprint", weasyprint)) if not path]
            if missing:
                rows.append(Row(route, name, note=f"not installed ({', '.join(missing)})"))
                continue
            page = folder / f"weasyprint{number}-{name}.html"
            pdf = folder / f"weasyprint{number}-{name}.pdf"
            steps = [
                [pandoc, "-f", "markdown", "-t", "html5", "--standalone", "--wrap=none", "--metadata",
                 "pagetitle=brief", "--css", css.as_uri(), "--lua-filter", str(LUA_FILTER), str(markdown[name]),
                 "-o", str(page)],
                [weasyprint, "--quiet", str(page), str(pdf)],
            ]  # fmt: skip
            rows.append(timed(route, name, steps, pdf, runs))

    for engine, label in (("xelatex", "xelatex, Noto fonts"), ("pdflatex", "pdflatex, Latin Modern")):
        tex = shutil.which(engine)
        for name in BRIEFS:
            route = f"pandoc → LaTeX ({label}) → PDF"
            missing = [tool for tool, path in (("pandoc", pandoc), (engine, tex)) if not path]
            if missing:
                rows.append(Row(route, name, note=f"not installed ({', '.join(missing)})"))
                continue
            pdf = folder / f"{engine}-{name}.pdf"
            steps = [[pandoc, "-f", "markdown", str(markdown[name]), "-o", str(pdf), *latex_options(engine)]]
            rows.append(timed(route, name, steps, pdf, runs, folder))

    for name in BRIEFS:
        pdf = folder / f"reportlab-{name}.pdf"
        try:
            _, _, out = run_step([PYTHON, this, "--child-reportlab", str(markdown[name]), str(runs)], ROOT)
            measured = json.loads(out)
            rows.append(Row("ReportLab bare, endnotes: layout in-process", name, statistics.median(measured["times"]),
                            measured["peak_mib"], samples=measured["times"]))  # fmt: skip
        except (StepFailed, ValueError, KeyError) as failed:
            rows.append(Row("ReportLab bare, endnotes: layout in-process", name, note=f"failed: {failed}"))
        steps = [[PYTHON, this, "--script-reportlab", str(markdown[name]), str(pdf)]]
        rows.append(timed("ReportLab bare, endnotes: script end to end", name, steps, pdf, runs, ROOT))

    keys = {name: note_keys(path.read_text(encoding="utf-8")) for name, path in markdown.items()}
    for row in rows:
        if row.pdf is None or not row.pdf.exists():
            continue
        row.pages, row.notes = read_back(row.pdf, keys[row.brief])
    return rows


def count_briefer_notes(rows: list[Row], folder: Path) -> None:
    """--no-peers still reads briefer's own PDFs back."""
    for row in rows:
        if row.pdf is not None and row.pdf.exists() and row.pages is None:
            md = folder / f"brief-{row.brief}.md"
            keys = note_keys(md.read_text(encoding="utf-8")) if md.exists() else {}
            row.pages, row.notes = read_back(row.pdf, keys)


def fmt(value: float | None, spec: str) -> str:
    return "—" if value is None else format(value, spec)


def report(rows: list[Row], runs: int) -> None:
    def find(route_start: str, brief: str) -> Row | None:
        """The fastest measured row of a route (the strictest peer), else the first."""
        found = [r for r in rows if r.route.startswith(route_start) and r.brief == brief]
        measured = sorted((r for r in found if r.seconds is not None), key=lambda r: r.seconds)
        return (measured or found or [None])[0]

    cli = {name: find("briefer CLI", name) for name in BRIEFS}
    inproc = {name: find("briefer in-process", name) for name in BRIEFS}
    width = max(len(r.route) for r in rows)
    print(f"{'route':<{width}}  {'brief':<5}  {'median s':>8}  {'min s':>6}  {'peak MiB':>8}  {'pages':>5}  "
          f"{'notes on marker page':>20}  {'× briefer':>9}")  # fmt: skip
    for row in rows:
        base = (inproc if "in-process" in row.route else cli).get(row.brief)
        ratio = (
            f"{row.seconds / base.seconds:.1f}×"
            if row.seconds is not None and base is not None and base.seconds and not row.route.startswith("briefer")
            else ""
        )
        if row.note and row.seconds is None:
            print(f"{row.route:<{width}}  {row.brief:<5}  {row.note}")
            continue
        low = min(row.samples) if row.samples else None
        print(f"{row.route:<{width}}  {row.brief:<5}  {fmt(row.seconds, '8.3f')}  {fmt(low, '6.3f')}  "
              f"{fmt(row.peak_mib, '8.0f')}  {fmt(row.pages, '5d')}  {row.notes:>20}  {ratio:>9}")  # fmt: skip

    checks: list[tuple[str, str, bool | None]] = []

    def check(name: str, value: float | None, limit: float, unit: str, below: bool = True) -> None:
        if value is None:
            checks.append((name, "not measured", None))
            return
        shown = f"{value:.2f}×" if unit == "×" else f"{value:.3f} s" if unit == "s" else f"{value:.0f} {unit}"
        checks.append((name, shown, value < limit if below else value >= limit))

    whole, one = cli["whole"], cli["one"]
    rebuild = find("briefer in-process", "whole")
    check(f"briefer whole report end to end < {TARGET_WHOLE_S} s", whole and whole.seconds, TARGET_WHOLE_S, "s")
    check(f"briefer one section end to end < {TARGET_ONE_S} s", one and one.seconds, TARGET_ONE_S, "s")
    floor = find("floor", "-")
    above_floor = (("whole", whole, TARGET_WHOLE_ABOVE_FLOOR_S), ("one section", one, TARGET_ONE_ABOVE_FLOOR_S))
    for label, row, limit in above_floor:
        above = row.seconds - floor.seconds if row and row.seconds and floor and floor.seconds else None
        check(f"briefer {label} above the floor (same run) < {limit} s", above, limit, "s")
    check(f"briefer in-process rebuild, whole < {TARGET_REBUILD_S} s", rebuild and rebuild.seconds,
          TARGET_REBUILD_S, "s")  # fmt: skip
    peaks = [r.peak_mib for r in (whole, one, rebuild) if r is not None and r.peak_mib is not None]
    check(f"briefer peak memory (CLI and rebuild) < {TARGET_PEAK_MIB:.0f} MiB", max(peaks) if peaks else None,
          TARGET_PEAK_MIB, "MiB")  # fmt: skip
    for start, label, limit in (
        ("pandoc → LaTeX (xelatex", "LaTeX route, xelatex", TARGET_VS_LATEX),
        ("pandoc → LaTeX (pdflatex", "LaTeX route, pdflatex", TARGET_VS_LATEX),
        ("pandoc → HTML → WeasyPrint", "WeasyPrint route", TARGET_VS_WEASYPRINT),
    ):
        peer = find(start, "whole")
        speedup = peer.seconds / whole.seconds if peer and peer.seconds and whole and whole.seconds else None
        which = f" ({peer.route.split(' → ')[-1]})" if peer and peer.seconds and "WeasyPrint" in label else ""
        check(f"briefer whole ≥ {limit}× faster than the {label}{which}", speedup, limit, "×", below=False)

    print()
    width = max(len(c[0]) for c in checks)
    print(f"{'target':<{width}}  {'measured':>12}  verdict")
    for name, shown, ok in checks:
        verdict = "—" if ok is None else "met" if ok else "MISSED"
        print(f"{name:<{width}}  {shown:>12}  {verdict}")
    print(
        f"\n{runs} timed runs per route after one warm-up; peak = largest max RSS of the process and its children "
        "(for a pipeline, of any one step).\n× briefer: the route's median over briefer's (the CLI's for a route "
        "timed end to end, build_bytes' for one timed in-process).\n"
        "The peers start from the Markdown briefer wrote (not timed); briefer's times include loading and tailoring "
        "the content."
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per route, after one warm-up (default 7)")
    parser.add_argument("--keep", metavar="DIR", help="keep the PDFs and Markdown here (default: a temporary folder)")
    parser.add_argument("--no-peers", action="store_true", help="briefer's own rows only")
    parser.add_argument("--child-rebuild", type=int, metavar="RUNS", help=argparse.SUPPRESS)
    parser.add_argument("--child-reportlab", nargs=2, metavar=("MD", "RUNS"), help=argparse.SUPPRESS)
    parser.add_argument("--script-reportlab", nargs=2, metavar=("MD", "PDF"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_rebuild:
        child_rebuild(args.child_rebuild)
        return 0
    if args.child_reportlab:
        child_reportlab(args.child_reportlab[0], int(args.child_reportlab[1]))
        return 0
    if args.script_reportlab:
        script_reportlab(*args.script_reportlab)
        return 0

    runs = max(1, args.runs)
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]} ({PYTHON}); "
          f"pandoc {version(['pandoc', '--version']) or 'not installed'}")  # fmt: skip
    try:
        if args.keep:
            folder = Path(args.keep).resolve()
            folder.mkdir(parents=True, exist_ok=True)
            rows = bench(runs, folder, not args.no_peers)
            count_briefer_notes(rows, folder)
            report(rows, runs)
        else:
            with tempfile.TemporaryDirectory(prefix="bench-build-") as name:
                rows = bench(runs, Path(name), not args.no_peers)
                count_briefer_notes(rows, Path(name))
                report(rows, runs)
    except Exception as error:  # a measurement, not a test: say what went wrong and exit 0
        print(f"bench_build could not finish: {type(error).__name__}: {error}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
