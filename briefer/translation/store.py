"""Write translations into a content folder's translations/<language>/ files, changing only what changed.

A unit goes back into the file that holds it, else into its home file (sections/<id>.yaml,
audiences.yaml, countries.yaml, report.yaml). Every other entry of a file is kept exactly as
read (outdated units, units of removed texts); only files with a changed unit are written, each
atomically. Comments in a rewritten file are not kept. Imports content and output.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from briefer.content.located import Where
from briefer.content.model import Report, UnitTranslation
from briefer.content.problems import ContentError, Problem
from briefer.content.translations import FOLDER
from briefer.content.units import file_key, report_units, source_markup
from briefer.content.yaml_dialect import Dumper
from briefer.output import write_atomically

HEADER = (
    "# briefer translations into {language}. Each unit records the fingerprint of the source text it\n"
    "# translates (`source`); `briefer translations status` lists what is missing or outdated.\n"
)


class StoreError(ContentError):
    """A translation file that cannot be read back to be updated; nothing was written."""


@dataclass
class Saved:
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


def save_units(root: Path, report: Report, language: str, units: dict[str, UnitTranslation]) -> Saved:
    """Store `units` (all of one language) in the content folder `root`."""
    existing = report.translations.get(language)
    order = {unit.id: n for n, unit in enumerate(report_units(report))}
    homes = {unit.id: unit.home for unit in report_units(report)}
    folder = root / FOLDER / language
    files = _read_files(folder)
    holder = {unit_id: path for path, data in files.items() for unit_id in data["units"]}
    saved = Saved()
    dirty: set[Path] = set()
    for unit_id, translation in sorted(units.items(), key=lambda item: order[item[0]]):
        before = existing.units.get(unit_id) if existing else None
        if before is not None and before.source == translation.source and dict(before.texts) == dict(translation.texts):
            saved.unchanged.append(unit_id)
            continue
        (saved.changed if unit_id in holder else saved.new).append(unit_id)
        path = holder.get(unit_id, folder / homes[unit_id])
        data = files.setdefault(path, {"language": language, "units": {}})
        data["units"][unit_id] = {"source": translation.source} | {
            file_key(path): source_markup(text) for path, text in translation.texts.items()
        }
        dirty.add(path)
    for path in sorted(dirty):
        data = files[path]
        data["units"] = dict(sorted(data["units"].items(), key=lambda item: order.get(item[0], len(order))))
        body = yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=100)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, (HEADER.format(language=language) + body).encode("utf-8"))
        saved.files.append(path)
    return saved


def _read_files(folder: Path) -> dict[Path, dict[str, Any]]:
    """Every translation file of a language as plain data; a file that cannot be read stops the update."""
    files: dict[Path, dict[str, Any]] = {}
    if not folder.is_dir():
        return files
    for path in sorted([*folder.rglob("*.yaml"), *folder.rglob("*.yml")]):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            message = f"cannot update this file, so nothing was imported: {exc}"
            raise StoreError([Problem(Where(str(path), 0, 0), message)]) from exc
        if isinstance(data, dict) and data.get("units") is None:
            data["units"] = {}
        if not isinstance(data, dict) or not isinstance(data["units"], dict):
            raise StoreError([Problem(Where(str(path), 1, 1), "not a translation file (language:, units:)")])
        files[path] = data
    return files
