"""Reads back the recipe a briefer PDF carries as its embedded "briefer-recipe.yaml".

Imports pypdf only, and only when reading: the render path imports this module for the file
name, and pypdf's import (about 60 ms) would otherwise be paid by every build.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

RECIPE_FILE_NAME = "briefer-recipe.yaml"


def read_embedded_recipe(pdf: str | os.PathLike[str] | bytes) -> str | None:
    """The embedded recipe's text, or None when the PDF carries none (or is not a readable PDF).

    `pdf` is a path, or the PDF's bytes.
    """
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    source: io.BytesIO | str | Path = io.BytesIO(pdf) if isinstance(pdf, bytes) else Path(pdf)
    try:
        attachments = PdfReader(source).attachments
        contents = attachments.get(RECIPE_FILE_NAME)
    except (PdfReadError, ValueError, KeyError):
        return None
    if not contents:
        return None
    return contents[0].decode("utf-8")
