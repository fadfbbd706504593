"""What languages cost: loading with translations, tailoring and rendering in another language,
and the translator round trip, each beside its English or translation-free twin, in one run.

Run: .venv/bin/python bench/bench_languages.py
"""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
from pathlib import Path

from timing import measure

from briefer.content.load import default_content_dir, load_report
from briefer.render.pdf import render_pdf
from briefer.tailor.recipe import Recipe, Untranslated
from briefer.tailor.tailor import tailor
from briefer.translation.xliff import export_xliff, read_xliff

SAMPLE = Recipe(sections=("conclusion",), audience="diplomats", countries=("SE", "NO"))


def main() -> None:
    folder = default_content_dir()
    report = load_report(folder)
    with tempfile.TemporaryDirectory() as temp:
        bare = Path(temp) / "content"
        shutil.copytree(folder, bare, ignore=shutil.ignore_patterns("translations"))
        exported = Path(temp) / "fr.xlf"
        exported.write_bytes(export_xliff(report, "fr")[0])
        whole_fr = Recipe(language="fr", untranslated=Untranslated.MARK)
        rows = [
            ("load + validate, no translations", measure(lambda: load_report(bare), 20)),
            ("load + validate, with fr and uk translations", measure(lambda: load_report(folder), 20)),
            ("tailor the sample brief, en", measure(lambda: tailor(report, SAMPLE), 50)),
            (
                "tailor the sample brief, uk",
                measure(lambda: tailor(report, dataclasses.replace(SAMPLE, language="uk")), 50),
            ),
            ("tailor the whole report, en", measure(lambda: tailor(report, Recipe()), 30)),
            ("tailor the whole report, fr (untranslated marked)", measure(lambda: tailor(report, whole_fr), 30)),
            ("render the whole report, en", measure(lambda: render_pdf(tailor(report, Recipe())), 5)),
            ("render the whole report, fr (marked)", measure(lambda: render_pdf(tailor(report, whole_fr)), 5)),
            ("export the whole report to XLIFF", measure(lambda: export_xliff(report, "fr"), 10)),
            ("read and check that XLIFF file", measure(lambda: read_xliff(exported, report), 10)),
        ]
    print(f"{'what':<52}{'median ms':>10}{'p95 ms':>9}")
    for what, timing in rows:
        print(f"{what:<52}{timing.median_ms:>10.2f}{timing.p95_ms:>9.2f}")


if __name__ == "__main__":
    main()
