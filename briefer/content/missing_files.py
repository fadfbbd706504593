"""A section that is referred to but that no file defines: the errors name the file that is
missing ("is content/sections/03-unacceptable-harm.yaml missing?"), instead of a dozen
"unknown section" and "unknown note" errors that never say which file went.

The file's name is guessed from the others': a gap in their numbering (01-, 02-, 04- …) gives
its number. Pure: imports the reading state and the problems; no Qt, no ReportLab.
"""

from __future__ import annotations

import re
from pathlib import Path

from briefer.content.model import Report
from briefer.content.problems import Problem
from briefer.content.reading import Reading
from briefer.content.references import close_ids

_NUMBERED = re.compile(r"^(\d+)-")


def probable_file(folder: Path, section_id: str) -> str | None:
    """The name the missing section's file probably had, from a single gap in the numbering."""
    names = [p.name for p in folder.glob("*.y*ml")] if folder.is_dir() else []
    numbers = sorted({int(m.group(1)) for n in names if (m := _NUMBERED.match(n))})
    if not numbers:
        return None
    gaps = [n for n in range(1, numbers[-1]) if n not in numbers]
    if len(gaps) > 1:
        return None
    number = gaps[0] if gaps else numbers[-1] + 1  # no gap: it was the last one
    width = max(len(m.group(1)) for n in names if (m := _NUMBERED.match(n)))
    return f"{number:0{width}d}-{section_id}.yaml"


def name_missing_files(reading: Reading, report: Report, folder: Path) -> None:
    """Add to each 'unknown section' error the file that is missing, and to each 'unknown note'
    error that it may be a note of that section."""
    known = [s.id for s in report.sections]
    # an id close to a known one is a typo (its error says "did you mean …?"), not a file that went
    missing = sorted(
        {
            ident
            for kind, ident, _w in reading.refs
            if kind == "section" and ident and not report.has("section", ident) and not close_ids(ident, known)
        }
    )
    if not missing or not report.sections:
        return
    shown = reading.display(folder)
    said = {}
    for ident in missing:
        name = probable_file(folder, ident)
        file = f"{shown}/{name}" if name else f"the file of section {ident!r}"
        said[f"unknown section {ident!r}"] = (
            f"unknown section {ident!r}: no file in {shown} defines it (is {file} missing?)"
        )
    whose = f"section {missing[0]!r}, whose file is missing" if len(missing) == 1 else "a section whose file is missing"
    items = reading.p.items
    for index, problem in enumerate(items):
        # the messages start "unknown section 'x'" and "unknown note 'n'", then say more in brackets
        head = problem.message.split(" (")[0].split(":")[0]
        if problem.warning:
            continue
        if head in said:
            items[index] = Problem(problem.where, said[head])
        elif head.startswith("unknown note "):
            items[index] = Problem(problem.where, f"{head}: perhaps a note of {whose}")
