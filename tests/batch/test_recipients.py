"""The recipients CSV: encodings, delimiters, quoting, and line-numbered errors."""

from __future__ import annotations

import pytest

from briefer.batch.recipients import Recipient, RecipientsError, parse_recipients

NAMES = ["Łucja Wąsowska", "Олена Коваленко", "Jürgen O’Neill", 'Ana "Ani" Pérez', "Smith, John"]


def csv_text(delimiter: str, rows: list[tuple[str, str, str]]) -> str:
    def field(value: str) -> str:
        if any(ch in value for ch in (delimiter, '"', "\n")):
            return '"' + value.replace('"', '""') + '"'
        return value

    lines = [delimiter.join(("name", "title", "organisation"))]
    lines += [delimiter.join(field(v) for v in row) for row in rows]
    return "\r\n".join(lines) + "\r\n"


@pytest.mark.parametrize("delimiter", [",", ";"])
@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_reads_utf8_with_or_without_bom_and_either_delimiter(delimiter, bom):
    rows = [(name, "Member; of, parliament", "Sejm") for name in NAMES]
    data = bom + csv_text(delimiter, rows).encode("utf-8")
    recipients = parse_recipients(data)
    assert [r.name for r in recipients] == NAMES
    assert recipients[0].title == "Member; of, parliament"
    assert [r.line for r in recipients] == [2, 3, 4, 5, 6]


def test_header_is_case_insensitive_and_extra_columns_are_ignored():
    data = b"Name,Email,TITLE,Organization\nAda,ada@example.org,Dr,Lab\n"
    assert parse_recipients(data) == (Recipient("Ada", "Dr", "Lab", 2),)


def test_prepared_for_is_name_and_title_with_organisation():
    prepared = Recipient("Ada", "Minister", "Ministry").prepared_for()
    assert prepared.recipient == "Ada, Minister"
    assert prepared.organisation == "Ministry"
    assert Recipient("Ada").prepared_for().recipient == "Ada"


def problems(data: bytes) -> list[str]:
    with pytest.raises(RecipientsError) as caught:
        parse_recipients(data, "people.csv")
    assert "nothing was built" in str(caught.value)
    return [str(p) for p in caught.value.problems]


def test_missing_column_is_named_on_line_1():
    assert problems(b"name,organisation\nAda,Lab\n") == [
        "line 1: missing column title in the header (found: name, organisation; expected: name, title, organisation)"
    ]


def test_wrong_encoding_names_the_line_and_byte():
    data = "name,title,organisation\nAda,Dr,Lab\nJürgen,Dr,Lab\n".encode("latin-1")
    [problem] = problems(data)
    assert problem.startswith("line 3: not UTF-8 text (byte 0xFC at column 2)")


def test_empty_file_and_header_only():
    assert problems(b"") == ["the file is empty; expected a header line: name,title,organisation"]
    assert problems(b"\xef\xbb\xbf  \n") == ["the file is empty; expected a header line: name,title,organisation"]
    assert problems(b"name,title,organisation\n") == ["line 1: only a header line; add one line per recipient"]


def test_every_bad_row_is_reported_by_line():
    data = b"name,title,organisation\nAda,Dr,Lab\n\nBob,,\n ada ,x,y\nCy,1\n,x,y\n"
    assert problems(data) == [
        "line 5: the name 'ada' is already on line 2",
        "line 6: 2 fields, but the header (line 1) has 3; put values that contain ',' in double quotes",
        "line 7: the name is empty",
    ]


def test_line_numbers_count_quoted_line_breaks():
    data = b'name,title,organisation\n"Ada\nLovelace",Dr,Lab\nAda Lovelace,x,y\n'
    assert problems(data) == ["line 4: the name 'Ada Lovelace' is already on line 2"]


def test_utf16_gets_a_hint():
    data = "name,title,organisation\nAda,Dr,Lab\n".encode("utf-16")
    assert problems(data) == ["line 1: the file is UTF-16 text; save it as UTF-8 (“CSV UTF-8” in spreadsheet programs)"]


def test_a_name_and_title_too_long_together_are_refused_by_line_before_anything_is_built():
    """Each fits alone, but the cover prints "name, title" as one line of at most 300 characters."""
    name, title = "N" * 200, "T" * 150
    data = f"name,title,organisation\nAda,Dr,Lab\n{name},{title},Lab\n{name},,Lab\n".encode()
    assert problems(data) == ["line 3: the name and title together are 352 characters long; at most 300 fit on a cover"]
