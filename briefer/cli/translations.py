"""`briefer translations status|export|import`: how far the report is translated, a file for a
translator (XLIFF 2.0), and the translator's file taken back in.

The CLI adapter only; the work is in briefer.translation. Never imports Qt.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefer.cli.commands import load_content
from briefer.cli.errors import UsageError
from briefer.content.load import default_content_dir
from briefer.content.model import Report
from briefer.content.translations import FOLDER, State, primary
from briefer.output import write_atomically


def add_translations_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "translations",
        help="the report's translations: status, export for a translator, import",
        description="Translations live in the content folder under translations/<language>/. "
        "A brief in a language (--language) builds only from complete, current translations of what it "
        "includes, unless --untranslated mark.",
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    status = actions.add_parser("status", help="what is missing or outdated in a language")
    status.add_argument("--language", metavar="CODE", help="one language (default: every translation folder)")
    export = actions.add_parser("export", help="an XLIFF 2.0 file for a translator")
    export.add_argument("--language", metavar="CODE", required=True, help="the language to translate into")
    export.add_argument("-o", "--output", metavar="FILE.xlf", required=True)
    export.add_argument("--untranslated-only", action="store_true", help="only what is missing or outdated")
    take = actions.add_parser("import", help="take a translator's XLIFF file back in (checked first)")
    take.add_argument("file", metavar="FILE.xlf")
    for action in (status, export, take):
        action.add_argument(
            "--content", metavar="DIR", help="the report's content folder (default: the shipped report)"
        )


def cmd_translations(args: argparse.Namespace) -> int:
    report = load_content(args.content)
    if args.action == "status":
        root = Path(args.content) if args.content else default_content_dir()
        return _status(report, args.language, f"{root.name}/{FOLDER}")
    if args.action == "export":
        return _export(report, args)
    return _import(report, args)


def _other_language(report: Report, language: str) -> str:
    if primary(language) == primary(report.language):
        raise UsageError(f"the report is written in {report.language}: choose another language to translate into")
    return primary(language)


def _status(report: Report, language: str | None, folder: str) -> int:
    from briefer.translation.status import translation_status

    languages = [_other_language(report, language)] if language else sorted(report.translations)
    if not languages:
        print("no translations yet (translations/<language>/ in the content folder)")
    failed = False
    for code in languages:
        translations, rows = translation_status(report, code, folder)
        for problem in translations.problems if translations else ():
            failed |= not problem.warning
            print(problem, file=sys.stderr)
        counts = {state: sum(1 for row in rows if row.state is state) for state in State}
        print(
            f"{code}: {counts[State.CURRENT]} of {len(rows)} units translated; "
            f"{counts[State.OUTDATED]} outdated, {counts[State.INCOMPLETE]} incomplete, {counts[State.MISSING]} missing"
        )
        width = max((len(row.unit.id) for row in rows), default=0)
        for row in rows:
            if row.state is not State.CURRENT:
                print(f"  {row.state:<10}  {row.unit.id:<{width}}  {row.where}  ({row.unit.context})")
    return 2 if failed else 0


def _export(report: Report, args: argparse.Namespace) -> int:
    from briefer.translation.xliff import export_xliff

    language = _other_language(report, args.language)
    data, count = export_xliff(report, args.language.strip(), only_untranslated=args.untranslated_only)
    out = Path(args.output)
    write_atomically(out, data)
    print(f"wrote {out}: {count} texts to translate into {language}")
    return 0


def _import(report: Report, args: argparse.Namespace) -> int:
    from briefer.translation.store import save_units
    from briefer.translation.xliff import read_xliff

    imported = read_xliff(Path(args.file), report)
    for problem in imported.warnings:
        print(problem, file=sys.stderr)
    language = _other_language(report, imported.language)
    root = Path(args.content) if args.content else default_content_dir()
    saved = save_units(root, report, language, imported.units)
    print(
        f"{language}: {len(saved.new)} unit(s) new, {len(saved.changed)} changed, {len(saved.unchanged)} unchanged"
        + (f"; {len(imported.not_done)} not marked translated, left as they were" if imported.not_done else "")
    )
    for path in saved.files:
        print(f"wrote {path}")
    return 0
