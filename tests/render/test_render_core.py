"""The renderer is core: it never imports Qt, so batch runs and the CLI start without it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RENDER = ROOT / "briefer" / "render"


def test_no_render_module_imports_qt() -> None:
    for path in RENDER.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            assert not any(n.split(".")[0] == "PySide6" for n in names), path.name


def test_rendering_a_pdf_loads_no_qt() -> None:
    code = (
        "import sys; from tests.render.briefs import make_brief; from briefer.render.pdf import render_pdf; "
        "from briefer.render.embedded import read_embedded_recipe; "
        "data = render_pdf(make_brief(sections=1, long_note=False)); assert read_embedded_recipe(data); "
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
