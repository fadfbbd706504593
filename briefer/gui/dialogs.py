"""Every modal question the app asks (and every hand-over to another app), as small module-level functions.

The window calls them through this module, so tests replace them (monkeypatch) and never block.
"""

from __future__ import annotations

import traceback
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from briefer.content.model import Report
from briefer.gui.about import about_html
from briefer.gui.i18n import _
from briefer.gui.shortcuts_dialog import ShortcutRow, ShortcutsDialog

SHOWN_PROBLEMS = 8


def _message(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, lines: list[str] | None) -> None:
    """A message box: `text`, then the first few `lines`, all of them under Details when there are more."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    if lines:
        shown = "\n".join(lines[:SHOWN_PROBLEMS])
        extra = len(lines) - SHOWN_PROBLEMS
        more = "\n" + _("… and {count} more").format(count=extra) if extra > 0 else ""
        box.setInformativeText(shown + more)
        if len(lines) > SHOWN_PROBLEMS:
            box.setDetailedText("\n".join(lines))
    box.exec()


def show_error(parent: QWidget | None, title: str, text: str, problems: list[str] | None = None) -> None:
    """An error dialog: what failed in `text`; the first few problems shown, all under Details."""
    _message(parent, QMessageBox.Icon.Warning, title, text, problems)


def show_bug(parent: QWidget | None, title: str, error: BaseException) -> None:
    """An error briefer did not expect: said as a bug, with the traceback to report under Details."""
    lines = [line.rstrip("\n") for line in traceback.format_exception(error)]
    show_error(parent, title, _("This is a bug in briefer; the details help to fix it."), lines)


def show_info(parent: QWidget | None, title: str, text: str, lines: list[str] | None = None) -> None:
    """A note the user should read (what changed in a report, choices dropped), with its lines below."""
    _message(parent, QMessageBox.Icon.Information, title, text, lines)


def ask_yes_no(parent: QWidget | None, title: str, text: str) -> bool:
    """True when the user answers Yes."""
    buttons = QMessageBox.StandardButton
    answer = QMessageBox.question(parent, title, text, buttons.Yes | buttons.No, buttons.Yes)
    return answer == buttons.Yes


def ask_save_changes(parent: QWidget | None, name: str) -> str:
    """'save', 'discard' or 'cancel' for a recipe with unsaved changes."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Unsaved changes"))
    box.setText(_("Save the changes to {name}?").format(name=name))
    box.setInformativeText(_("Your choices will be lost if you don't save them."))
    buttons = QMessageBox.StandardButton
    box.setStandardButtons(buttons.Save | buttons.Discard | buttons.Cancel)
    box.setDefaultButton(buttons.Save)
    answer = box.exec()
    return {buttons.Save: "save", buttons.Discard: "discard"}.get(buttons(answer), "cancel")


def ask_open_path(parent: QWidget | None, caption: str, folder: str, filters: str) -> str:
    """A path to open, or '' when the user cancels."""
    path, _chosen_filter = QFileDialog.getOpenFileName(parent, caption, folder, filters)
    return path


def ask_save_path(parent: QWidget | None, caption: str, suggested: str, filters: str) -> str:
    """A path to write, or '' when the user cancels."""
    path, _chosen_filter = QFileDialog.getSaveFileName(parent, caption, suggested, filters)
    return path


def ask_folder(parent: QWidget | None, caption: str, folder: str) -> str:
    """A folder to write into, or '' when the user cancels."""
    return QFileDialog.getExistingDirectory(parent, caption, folder)


def ask_raster_printer(parent: QWidget | None, title: str, page_count: int) -> QPrinter | None:
    """The system's print dialog, for the raster path (no CUPS); a printer set up as chosen, or None."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setFullPage(True)  # the PDF has its own margins
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_("Print brief"))
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setMinMax(1, max(1, page_count))
    return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None


def open_location(path: Path) -> bool:
    """Show a file or folder in the desktop's own app (a PDF viewer, the file manager)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def show_about(parent: QWidget | None, report: Report | None = None) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle(_("About briefer"))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(about_html(report=report))
    box.exec()


def ask_pages(parent: QWidget | None, current: int, suggested: int) -> int | None:
    """How many pages the brief should fit in (`current`: its pages now), or None when cancelled."""
    text = _(
        "The brief has {pages} pages. Fit it in how many? Content is left out in a set order "
        "(sources list, pull quotes, boxes, contents, the last sections, the cover); Undo brings it back."
    )
    value, ok = QInputDialog.getInt(
        parent, _("Fit in pages"), text.format(pages=current), suggested, 1, max(1, current), 1
    )
    return value if ok else None


def show_shortcuts(parent: QWidget | None, rows: list[ShortcutRow]) -> None:
    ShortcutsDialog(rows, parent).exec()


def guide_html() -> str:
    steps = (
        _(
            "<b>Sections</b> (Ctrl+1): tick the sections the reader needs; drag them, or use Ctrl+Up "
            "and Ctrl+Down, to order them."
        ),
        _("<b>Audience and countries</b> (Ctrl+2): choose who it is for, and tick the focus countries."),
        _("<b>Layout and options</b> (Ctrl+3): paper, notes, language, and what to include."),
        _("<b>Prepared for</b> (Ctrl+4): the recipient, meeting and date, printed on the cover."),
        _(
            "Watch the preview on the right (Ctrl+F finds words in it), then <b>Export PDF</b> (Ctrl+E) or "
            "<b>Print</b> (Ctrl+P). Too long? <b>Fit in pages</b> or <b>One page at a glance</b> in the File menu."
        ),
    )
    items = "".join(f"<li>{step}</li>" for step in steps)
    tail = _(
        "Every change can be undone (Ctrl+Z) and redone (Ctrl+Shift+Z). Save the choices as a recipe "
        "(Ctrl+S) to make the same brief again; drop a recipe or a briefer PDF on the window to open it."
    )
    return f"<h3>{_('Making a brief')}</h3><ol>{items}</ol><p>{tail}</p>"


def show_guide(parent: QWidget | None) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle(_("Quick guide — briefer"))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(guide_html())
    box.exec()
