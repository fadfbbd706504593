"""Reads back the recipe a briefer PDF carries as its embedded "briefer-recipe.yaml".

PDFs arrive from other people's inboxes, so reading one is bounded: pypdf only finds the
embedded file's stream, which is inflated here with a size limit (an embedded file may
inflate to gigabytes), and anything pypdf stumbles on becomes one EmbeddedRecipeError.
pypdf's own warnings and log lines are silenced: the caller says what went wrong, once.
Imports pypdf only, and only when reading: the render path imports this module for the file
name, and pypdf's import (about 60 ms) would otherwise be paid by every build.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import warnings
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

from briefer.inputs import MB, InputError, read_input

RECIPE_FILE_NAME = "briefer-recipe.yaml"
MAX_RECIPE_BYTES = 1 * MB  # inflated; a recipe is a few hundred bytes
MAX_PDF_BYTES = 100 * MB
_MAX_TREE_DEPTH = 16  # a name tree is shallow; a deeper (or circular) one is not briefer's


class EmbeddedRecipeError(Exception):
    """A PDF whose embedded recipe cannot be read: damaged, hostile, or not one briefer wrote."""


def read_embedded_recipe(pdf: str | os.PathLike[str] | bytes) -> str | None:
    """The embedded recipe's text, or None when the PDF carries none (or is no PDF at all).

    `pdf` is a path, or the PDF's bytes. Raises EmbeddedRecipeError for a PDF that cannot be read.
    """
    if not isinstance(pdf, bytes):
        try:
            pdf = read_input(Path(pdf), MAX_PDF_BYTES, "the PDF")
        except InputError as exc:
            raise EmbeddedRecipeError(str(exc)) from exc
    if not pdf.startswith(b"%PDF"):
        return None
    with _pypdf_quiet():
        try:
            stream = _recipe_stream(pdf)
            if stream is None:
                return None
            # the encoded bytes: pypdf has no public accessor that does not inflate them in full
            raw, filters = stream._data, _get(stream, "/Filter")  # type: ignore[attr-defined]
            if not isinstance(raw, bytes):
                raise TypeError("the embedded file is not a stream")
            names = [str(f) for f in (filters if isinstance(filters, list) else [filters] if filters else [])]
        except Exception as exc:  # pypdf meets damaged files with many kinds of error
            raise EmbeddedRecipeError(f"the PDF is damaged and cannot be read ({_describe(exc)})") from exc
    data = _inflate(raw, names)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EmbeddedRecipeError("the recipe inside this PDF is not UTF-8 text: it was not made by briefer") from exc


def _recipe_stream(pdf: bytes) -> object | None:
    """The embedded file's stream object, found without decoding anything."""
    from pypdf import PdfReader

    root = PdfReader(io.BytesIO(pdf), strict=False).trailer["/Root"].get_object()
    names = _get(root, "/Names")
    tree = _get(names, "/EmbeddedFiles") if names is not None else None
    for name, spec in _leaves(tree, 0):
        if name == RECIPE_FILE_NAME:
            files = _get(spec, "/EF")
            return _get(files, "/F") if files is not None else None
    return None


def _get(dictionary: object, key: str) -> object | None:
    value = dictionary.get(key) if hasattr(dictionary, "get") else None
    return value.get_object() if value is not None else None


def _leaves(node: object | None, depth: int) -> Iterator[tuple[str, object]]:
    """(name, file spec) pairs of a PDF name tree."""
    if node is None or depth > _MAX_TREE_DEPTH:
        return
    pairs = cast(list[Any], _get(node, "/Names") or [])
    for index in range(0, len(pairs) - 1, 2):
        yield str(pairs[index].get_object()), pairs[index + 1].get_object()
    for kid in cast(list[Any], _get(node, "/Kids") or []):
        yield from _leaves(kid.get_object(), depth + 1)


def _inflate(raw: bytes, filters: list[str]) -> bytes:
    """The stream's bytes, decompressed to at most MAX_RECIPE_BYTES."""
    if not filters:
        data = raw
    elif filters == ["/FlateDecode"]:
        inflater = zlib.decompressobj()
        try:
            data = inflater.decompress(raw, MAX_RECIPE_BYTES + 1)
        except zlib.error as exc:
            raise EmbeddedRecipeError("the recipe inside this PDF is damaged (its compressed data is broken)") from exc
    else:
        raise EmbeddedRecipeError(f"the recipe inside this PDF is encoded with {', '.join(filters)}: not by briefer")
    if len(data) > MAX_RECIPE_BYTES:
        raise EmbeddedRecipeError(
            f"the file embedded as {RECIPE_FILE_NAME} is larger than {MAX_RECIPE_BYTES // MB} MB: not a recipe"
        )
    return data


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0][:160] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


@contextlib.contextmanager
def _pypdf_quiet() -> Iterator[None]:
    """pypdf warns (warnings and its logger) about every oddity it repairs; the caller reports instead."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)
