"""The app's own words are marked for translation, and the message templates are current."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from briefer.tailor.catalogue import LOCALE_DIR
from briefer.tailor.wording import MESSAGES

GUI = Path(__file__).resolve().parents[2] / "briefer" / "gui"
# what puts text in front of people: its text argument must go through _(), N_() or ngettext()
SHOWS_TEXT = {
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QAction",
    "setText",
    "setToolTip",
    "setPlaceholderText",
    "setWindowTitle",
    "setInformativeText",
    "showMessage",
    "addMenu",
    "addAction",
    "addRow",
    "addItem",
    "show_message",
    "show_problems",
    "show_error",
    "ask_open_path",
    "ask_save_path",
    "ask_folder",
}


def _template(name: str) -> set[object]:
    with (LOCALE_DIR / name).open("rb") as handle:
        return {(m.context, m.id) for m in read_po(handle) if m.id}


def test_the_brief_template_lists_every_word_of_words() -> None:
    assert _template("brief.pot") == {(name, english) for name, english in MESSAGES}


def test_the_app_template_lists_every_marked_string() -> None:
    keywords = {"_": None, "N_": None, "ngettext": (1, 2)}
    found = {(context, message) for _, _, message, _, context in extract_from_dir(GUI, keywords=keywords)}
    assert len(found) > 150
    assert _template("app.pot") == found, "run `./run catalogues` to update briefer/locale/app.pot"


@pytest.mark.parametrize("path", sorted(GUI.glob("*.py")), ids=lambda p: p.name)
def test_text_shown_to_people_is_marked_for_translation(path: Path) -> None:
    unmarked = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name not in SHOWS_TEXT:
            continue
        for argument in node.args:
            if _words(argument):
                unmarked.append(f"{path.name}:{node.lineno}: {ast.unparse(argument)[:60]}")
    assert not unmarked, "\n".join(unmarked)


def _words(argument: ast.expr) -> bool:
    """Whether a literal (or the literal parts of an f-string) holds words, not just markup,
    punctuation or the app's name."""
    if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
        text = argument.value
    elif isinstance(argument, ast.JoinedStr):
        text = "".join(v.value for v in argument.values if isinstance(v, ast.Constant))
    else:
        return False
    return any(c.isalpha() for c in re.sub(r"<[^>]*>|\bbriefer\b", "", text))
