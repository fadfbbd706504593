"""The import contract and the size limits, checked so nobody has to remember them.

Layers point one way: gui/cli -> build -> render -> tailor -> content. Qt only in gui/,
ReportLab only in render/, argparse only in cli/. No module over 400 lines, no function
over 60. Both static (every import statement, also inside functions) and dynamic (what a fresh
interpreter has loaded after importing the core).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "briefer"
MODULES = sorted(PACKAGE.rglob("*.py"))


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def _layer(module: str) -> str:
    """'content', 'tailor', 'render', 'batch', 'cli', 'gui', or the module's own name."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


# what each layer of briefer may import from briefer (itself always)
# inputs and output are the standard-library helpers every layer may use to read and write files,
# cache the one that keeps files between runs in the user's cache folder
ALLOWED = {
    "cache": set(),
    "content": {"inputs", "output", "cache"},  # output: migrate rewrites content files atomically
    "tailor": {"content", "output", "inputs"},  # output: recipe files are written atomically
    "inputs": set(),
    "render": {"content", "tailor", "output", "inputs", "cache"},
    "output": {"inputs"},
    "build": {"content", "tailor", "render", "output", "inputs"},
    "batch": {"content", "tailor", "build", "output", "render", "inputs"},
    "printing": {"tailor", "output", "batch", "inputs"},  # tailor: PageSize; batch: joining handouts into one job
    "translation": {"content", "output", "inputs"},  # a translator's round trip: XLIFF files in, translation files out
    "cli": {"content", "tailor", "render", "build", "batch", "output", "gui", "printing", "translation", "inputs"},
    "gui": {"content", "tailor", "render", "build", "batch", "output", "cli", "printing", "inputs"},
    "__main__": {"cli"},
    "briefer": set(),
}

# third-party packages that only one layer may import
ONLY_IN = {
    "PySide6": {"gui"},
    "reportlab": {"render"},
    "argparse": {"cli"},
    "translate": {"translation"},  # translate-toolkit: the XLIFF round trip only
    "lxml": {"translation"},
}


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_point_one_way(path: Path) -> None:
    module = _module_name(path)
    layer = _layer(module)
    assert layer in ALLOWED, f"{module}: a new top-level module needs a place in ALLOWED"
    for name in _imports(path):
        top = name.split(".")[0]
        if top == "briefer" and name != "briefer":
            target = _layer(name)
            assert target == layer or target in ALLOWED[layer], f"{module} imports {name}: {layer} may not"
        elif top in ONLY_IN:
            assert layer in ONLY_IN[top], f"{module} imports {name}: only {', '.join(ONLY_IN[top])} may"


def test_the_app_may_start_from_the_cli_only_through_gui_app() -> None:
    """The CLI imports the GUI in one place, lazily, to open the window."""
    cli_to_gui = [
        (_module_name(path), name)
        for path in (PACKAGE / "cli").rglob("*.py")
        for name in _imports(path)
        if name.startswith("briefer.gui")
    ]
    assert cli_to_gui == [("briefer.cli.main", "briefer.gui.app")]


def _loaded_after_importing(modules: list[str]) -> set[str]:
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return set(done.stdout.split())


def test_the_core_loads_no_qt() -> None:
    core = [_module_name(p) for p in MODULES if _layer(_module_name(p)) not in ("gui", "__main__")]
    loaded = _loaded_after_importing(core)
    assert not [m for m in loaded if m.startswith("PySide6")]


def test_content_and_tailoring_load_no_reportlab() -> None:
    pure = [_module_name(p) for p in MODULES if _layer(_module_name(p)) in ("content", "tailor")]
    loaded = _loaded_after_importing(pure)
    assert not [m for m in loaded if m.startswith(("reportlab", "PySide6", "pypdf"))]


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_modules_and_functions_stay_small(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert source.count("\n") <= 400, f"{path.name} has {source.count(chr(10))} lines; split it by job"
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            assert length <= 60, f"{path.name}: {node.name} has {length} lines"
