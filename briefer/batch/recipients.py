"""Read a recipients CSV (name, title, organisation) into checked rows, or say what is wrong.

UTF-8 with or without a BOM; comma or semicolon, sniffed from the header line; other columns
(e.g. email) are ignored. Every problem is reported with its line number, all at once.
Imports the standard library, the brief model and batch errors.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from briefer.batch.errors import BatchError
from briefer.content.printable import unprintable
from briefer.inputs import MB, InputError, read_input
from briefer.tailor.recipe import PreparedFor
from briefer.tailor.recipe_check import MAX_PREPARED

COLUMNS = ("name", "title", "organisation")
_ALIASES = {"organization": "organisation"}
MAX_PROBLEMS = 20
MAX_FIELD = MAX_PREPARED  # characters of a name, title or organisation (a field that spans rows is longer)
MAX_FILE_BYTES = 20 * MB  # 100,000 recipients of 200 bytes each


@dataclass(frozen=True, slots=True)
class Recipient:
    name: str
    title: str = ""
    organisation: str = ""
    line: int = 0  # where the row starts in the file, for messages

    def prepared_for(self, base: PreparedFor | None = None) -> PreparedFor:
        """The cover's "prepared for": name and title, organisation; meeting etc. from `base`."""
        base = base or PreparedFor()
        recipient = f"{self.name}, {self.title}" if self.title else self.name
        organisation = self.organisation or base.organisation
        return PreparedFor(recipient, base.meeting, base.place, base.date, organisation)


@dataclass(frozen=True, slots=True)
class CsvProblem:
    line: int  # 1-based; 0 for the file as a whole
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


class RecipientsError(BatchError):
    """A recipients file that cannot be used; `.problems` lists every problem by line."""

    def __init__(self, path: str, problems: list[CsvProblem]) -> None:
        self.path = path
        self.problems = tuple(problems)
        shown = "\n".join(f"  {path}: {p}" for p in problems[:MAX_PROBLEMS])
        more = f"\n  … and {len(problems) - MAX_PROBLEMS} more" if len(problems) > MAX_PROBLEMS else ""
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        super().__init__(f"the recipients file {path} has {count}; nothing was built:\n{shown}{more}")


def read_recipients(path: Path | str) -> tuple[Recipient, ...]:
    """The recipients in file order; raises RecipientsError naming every problem by line."""
    path = Path(path)
    try:
        data = read_input(path, MAX_FILE_BYTES, "the recipients file")
    except InputError as exc:
        raise BatchError(f"{path}: {exc}") from exc
    return parse_recipients(data, str(path))


def _decode(data: bytes, origin: str) -> str:
    """The file's text: UTF-8 with or without a byte-order mark; anything else is refused by line."""

    def fail(line: int, message: str) -> RecipientsError:
        return RecipientsError(origin, [CsvProblem(line, message)])

    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise fail(1, "the file is UTF-16 text; save it as UTF-8 (“CSV UTF-8” in spreadsheet programs)")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise fail(
            line, f"not UTF-8 text (byte 0x{data[exc.start]:02X} at column {col}); save the file as UTF-8"
        ) from None
    if not text.strip():
        raise fail(0, "the file is empty; expected a header line: " + ",".join(COLUMNS))
    return text


def parse_recipients(data: bytes, origin: str = "recipients") -> tuple[Recipient, ...]:
    text = _decode(data, origin)

    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)

    problems: list[CsvProblem] = []
    header: list[str] | None = None
    header_line = 0
    rows: list[Recipient] = []
    first_seen: dict[str, int] = {}
    line = 1
    try:
        for record in reader:
            start, line = line, reader.line_num + 1  # a quoted field may span lines
            if not any(field.strip() for field in record):
                continue
            if header is None:
                header, header_line = _read_header(record, start, problems), start
                if header is None:
                    break
                continue
            if len(record) != len(header):
                problems.append(
                    CsvProblem(
                        start,
                        f"{len(record)} fields, but the header (line {header_line}) has {len(header)}; "
                        f"put values that contain {delimiter!r} in double quotes",
                    )
                )
                continue
            values = {col: value.strip() for col, value in zip(header, record, strict=True)}
            name = " ".join(values.get("name", "").split())
            if not name:
                problems.append(CsvProblem(start, "the name is empty"))
                continue
            unusable = _unusable(values)
            if unusable:
                problems += [CsvProblem(start, message) for message in unusable]
                continue
            key = name.casefold()
            if key in first_seen:
                problems.append(CsvProblem(start, f"the name {name!r} is already on line {first_seen[key]}"))
                continue
            first_seen[key] = start
            rows.append(Recipient(name, values.get("title", ""), values.get("organisation", ""), start))
    except csv.Error as exc:
        problems.append(CsvProblem(reader.line_num, f"cannot read the CSV: {exc}"))
    if header is not None and not rows and not problems:
        problems.append(CsvProblem(header_line, "only a header line; add one line per recipient"))
    if problems:
        raise RecipientsError(origin, problems)
    return tuple(rows)


def _unusable(values: dict[str, str]) -> list[str]:
    """Why a row's name, title or organisation cannot go on a cover; none for a good row."""
    found = []
    for column in COLUMNS:
        text = values.get(column, "")
        problem = unprintable(text)
        if problem:
            found.append(f"the {column} {problem}")
        if len(text) > MAX_FIELD:
            found.append(
                f"the {column} is {len(text):,} characters long (at most {MAX_FIELD}): is a double quote left open?"
            )
    # the cover prints them as one line, "name, title": checked here, with the row's line, and
    # not by the recipe check of that copy halfway through the batch
    together = len(values.get("name", "")) + len(", ") + len(values.get("title", ""))
    if values.get("title") and together > MAX_PREPARED and not found:
        found.append(
            f"the name and title together are {together:,} characters long; at most {MAX_PREPARED} fit on a cover"
        )
    return found


def _read_header(record: list[str], line: int, problems: list[CsvProblem]) -> list[str] | None:
    names = [_ALIASES.get(k, k) for k in (field.strip().lower() for field in record)]
    missing = [c for c in COLUMNS if c not in names]
    repeated = sorted({n for n in names if n and names.count(n) > 1})
    found = ", ".join(field.strip() for field in record)
    if missing:
        problems.append(
            CsvProblem(
                line,
                f"missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
                f"in the header (found: {found}; expected: {', '.join(COLUMNS)})",
            )
        )
    if repeated:
        problems.append(CsvProblem(line, f"column(s) {', '.join(repeated)} appear more than once"))
    return None if (missing or repeated) else names
