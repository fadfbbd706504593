"""Load and tailor timings: median of repeated runs, side by side.

Targets (issues 2 and 3): loading the whole content under 50 ms; tailoring the full report
under 20 ms. Run: .venv/bin/python bench/bench_core.py
"""

from __future__ import annotations

import yaml
from timing import measure

from briefer.content.load import default_content_dir, load_report
from briefer.tailor.recipe import Recipe
from briefer.tailor.tailor import tailor


def main() -> None:
    folder = default_content_dir()
    report = load_report(folder)
    full = Recipe(audience="parliamentarians", countries=("FI", "LT", "UA", "EE", "PL"))
    files = sorted(folder.rglob("*.yaml"))
    print(
        f"libyaml: {'yes' if hasattr(yaml, 'CSafeLoader') else 'no'}; content: {len(files)} files, "
        f"{sum(f.stat().st_size for f in files) / 1024:.0f} KiB"
    )
    rows = [
        ("load + validate whole content", measure(lambda: load_report(folder), 20), 50),
        (
            "yaml.safe_load of the same files (baseline)",
            measure(
                lambda: [
                    yaml.load(f.read_bytes(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) for f in files
                ],
                20,
            ),
            None,
        ),
        ("tailor full report, audience + 5 countries", measure(lambda: tailor(report, full), 50), 20),
        ("tailor one section", measure(lambda: tailor(report, Recipe(sections=("self-destruct",))), 50), 20),
    ]
    print(f"{'what':<46} {'median ms':>10} {'p95 ms':>8} {'target':>8}")
    for name, timing, target in rows:
        goal = f"< {target}" if target else ""
        print(f"{name:<46} {timing.median_ms:>10.2f} {timing.p95_ms:>8.2f} {goal:>8}")


if __name__ == "__main__":
    main()
