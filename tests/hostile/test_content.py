"""Hostile and unlucky content: every case answers with a located message and exit code 2 (or
builds, printing the text as typed), within the guard, leaving nothing behind."""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

import pytest

from briefer.content.load import check_report
from briefer.content.located import parse_located
from briefer.content.yaml_dialect import LOADERS
from tests.conftest import CONTENT, MINI

from .harness import edit, mini_copy, plain_value, run, stderr_lines

# (name, file to edit, old, new, message expected in stderr)
BAD_CONTENT = [
    (
        "impossible-date",
        "countries.yaml",
        "joined: 2001-02-03",
        "joined: 2001-02-30",
        "countries.yaml:16:17: 2001-02-30 is not a date (day is out of range for month)",
    ),
    (
        "month-13",
        "countries.yaml",
        "joined: 2001-02-03",
        "joined: 2025-13-45",
        "countries.yaml:16:17: 2025-13-45 is not a date (month must be in 1..12)",
    ),
    (
        "emoji-in-a-table-cell",
        "sections/02-cases.yaml",
        '- [Africa, "64"]',
        '- [Africa, "64 \U0001f6b0"]',
        "02-cases.yaml:32:20: a table cell cannot print “\U0001f6b0” (U+1F6B0 POTABLE WATER SYMBOL)",
    ),
    (
        "hebrew-in-a-nested-list-item",
        "sections/02-cases.yaml",
        "- Lakes on a border",
        "- Lakes on a border \u05d0",
        "02-cases.yaml:22:15: a nested list item cannot print “\u05d0” (U+05D0 HEBREW LETTER ALEF): right-to-left",
    ),
    (
        "emoji-in-a-figure-alt",
        "sections/02-cases.yaml",
        'alt: "Bar chart',
        'alt: "\U0001f4ca Bar chart',
        "02-cases.yaml:38:12: 'alt' in a figure cannot print “\U0001f4ca” (U+1F4CA BAR CHART)",
    ),
    (
        "control-character-in-a-status-label",
        "report.yaml",
        "label: Joined,",
        'label: "Joined \\u0007",',
        "report.yaml:21:31: 'label' in a status field cannot print U+0007 (a control character)",
    ),
    (
        "binary-tag",
        "report.yaml",
        "publisher: Example Water Institute",
        "publisher: !!binary aGVsbG8=",
        "report.yaml:6:12: the YAML tag !!binary is not used in briefer files",
    ),
    (
        "python-tag",
        "report.yaml",
        "publisher: Example Water Institute",
        "publisher: !!python/object:os.system x",
        "report.yaml:6:12: the YAML tag !!python/object:os.system is not used",
    ),
    (
        "blank-section-order",
        "audiences.yaml",
        "section_order: [cases]",
        "section_order: '   '",
        "audiences.yaml:14:20: 'section_order' in an audience is empty",
    ),
    (
        "blank-treaty-sources",
        "countries.yaml",
        "sources: [un-water-2021]",
        'sources: " "',
        "countries.yaml:7:18: 'sources' in the unwc status is empty",
    ),
    (
        "empty-treaty-key",
        "countries.yaml",
        "      unwc:\n        status: not party\n        sources: [un",
        '      "":\n        status: not party\n        sources: [un',
        "countries.yaml:5:7: a key is empty",
    ),
    (
        "year-as-hex",
        "report.yaml",
        "year: 2024",
        "year: 0x7E8",
        "'year' in report.yaml must be a whole number in digits (older YAML tools read '0x7E8' as the number 2024)",
    ),
    (
        "emoji-in-a-name",
        "countries.yaml",
        "name: Poland",
        "name: Poland 🇵🇱",
        "countries.yaml:3:11: 'name' in a country cannot print “🇵” (U+1F1F5 REGIONAL INDICATOR SYMBOL LETTER P)",
    ),
    (
        "arabic-in-a-paragraph",
        "sections/02-cases.yaml",
        "Ukraine’s basins",
        "Ukraine’s basins (أحواض)",
        "right-to-left scripts such as Arabic and Hebrew",
    ),
]


@pytest.mark.parametrize(("name", "file", "old", "new", "message"), BAD_CONTENT, ids=[c[0] for c in BAD_CONTENT])
def test_bad_content_is_located(tmp_path: Path, name: str, file: str, old: str, new: str, message: str) -> None:
    content = mini_copy(tmp_path)
    edit(content / file, old, new)
    for args in (["validate"], ["build", "-o", "brief.pdf"]):
        result = run([*args, "--content", str(content)], tmp_path)
        assert result.code == 2, result.err
        assert message in result.err, result.err
    assert not (tmp_path / "brief.pdf").exists()


def test_yaml_1_1_numbers_and_times_print_as_typed(tmp_path: Path) -> None:
    content = mini_copy(tmp_path)
    edit(content / "countries.yaml", "status: not party", "status: 14:30")
    edit(content / "sources" / "main.yaml", 'date: "2021"', "date: 1_000")
    edit(content / "report.yaml", "title: Shared Rivers", "title: 0x1F")
    edit(content / "sections" / "02-cases.yaml", "title: What a basin is", "title: 2021.10")
    result = run(["build", "--content", str(content), "--country", "PL", "-o", "brief.md"], tmp_path)
    assert result.code == 0, result.err
    text = (tmp_path / "brief.md").read_text(encoding="utf-8")
    assert text.startswith("# 0x1F\n")  # not 31
    assert "| **UNWC** UN Watercourses Convention | 14:30[^1] |" in text  # not 870
    assert "> ### 2021.10" in text  # not 2021.1
    assert "Cooperation”, 1\\_000." in text  # not 1000


@pytest.mark.parametrize("loader", sorted(LOADERS))
def test_both_yaml_loaders_read_every_shipped_file_alike(loader: str) -> None:
    for path in sorted([*CONTENT.rglob("*.yaml"), *MINI.rglob("*.yaml")]):
        text = path.read_text(encoding="utf-8")
        assert plain_value(parse_located(text, path.name, LOADERS[loader])) == plain_value(
            parse_located(text, path.name)
        )


def test_the_mini_report_loads_without_libyaml(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefer.content import yaml_dialect

    monkeypatch.setattr(yaml_dialect, "default_loader", lambda: yaml_dialect.PythonLoader)
    report, problems = check_report(MINI)
    assert report is not None, [str(p) for p in problems]
    assert report.audience("ministers").asks.items  # "[Will you join the Convention?]"


@pytest.mark.parametrize("where", ["sections/03-fifo.yaml", "countries.yaml"])
def test_a_pipe_among_the_content_is_refused_not_waited_on(tmp_path: Path, where: str) -> None:
    content = mini_copy(tmp_path)
    (content / where).unlink(missing_ok=True)
    os.mkfifo(content / where)
    result = run(["validate", "--content", str(content)], tmp_path)
    assert result.code == 2
    assert f"{Path(where).name}:1:1: the file must be a regular file, not a pipe (FIFO)" in result.err


def test_a_content_file_that_is_a_device_is_refused(tmp_path: Path) -> None:
    content = mini_copy(tmp_path)
    (content / "countries.yaml").unlink()
    (content / "countries.yaml").symlink_to("/dev/zero")
    result = run(["validate", "--content", str(content)], tmp_path)
    assert result.code == 2 and "countries.yaml:1:1: the file must be a regular file, not a device" in result.err


def test_a_huge_content_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    content = mini_copy(tmp_path)
    with open(content / "sources" / "huge.yaml", "wb") as handle:
        handle.truncate(25 * 1024 * 1024)  # sparse: 25 MB that take no disk
    result = run(["validate", "--content", str(content)], tmp_path)
    assert result.code == 2 and "huge.yaml:1:1: the file is 25.0 MB, more than the 20.0 MB allowed" in result.err


def test_a_content_path_over_255_bytes(tmp_path: Path) -> None:
    result = run(["validate", "--content", str(tmp_path / ("x" * 300))], tmp_path)
    assert result.code == 2 and "the file name or path is too long" in result.err
    deep = tmp_path / ("d" * 250) / ("e" * 250) / ("f" * 250)
    result = run(["validate", "--content", str(deep / ("g" * 300))], tmp_path)
    assert result.code == 2, result.err
    assert len(stderr_lines(result)) <= 3


def _png_header(width: int, height: int) -> bytes:
    """A PNG signature and IHDR chunk claiming this size, and nothing after it."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))


# a figure's image file that cannot be a figure: (how it is spoilt, the message expected)
BAD_IMAGES = {
    "text": "not a PNG or JPEG image",
    "half": "the image figures/basins.png cannot be read:",
    "bomb": "it is 60,000 × 60,000 pixels, more than the 89,478,485 an image may have",
    "huge": "the image is 30.0 MB, more than the 25.0 MB allowed",
    "fifo": "the image must be a regular file, not a pipe (FIFO)",
    "device": "must be a file inside the content folder",  # a link out of the folder to /dev/zero
    "folder": "figures/basins.png",
}


@pytest.mark.parametrize("kind", list(BAD_IMAGES))
def test_a_figure_whose_image_cannot_be_one_is_located(tmp_path: Path, kind: str) -> None:
    """Named with the figure's place and its file, exit 2, no PDF and no traceback: before
    anything is drawn (the header, the size, the kind of file) or when decoding it (a cut file)."""
    content = mini_copy(tmp_path)
    image = content / "figures" / "basins.png"
    good = image.read_bytes()
    image.unlink()
    if kind == "text":
        image.write_text("<svg>not an image</svg>", encoding="utf-8")
    elif kind == "half":
        image.write_bytes(good[: len(good) // 2])
    elif kind == "bomb":
        image.write_bytes(_png_header(60_000, 60_000))
    elif kind == "huge":
        with open(image, "wb") as handle:
            handle.truncate(30 * 1024 * 1024)  # sparse
    elif kind == "fifo":
        os.mkfifo(image)
    elif kind == "device":
        image.symlink_to("/dev/zero")
    else:
        image.mkdir()
    result = run(["build", "--content", str(content), "-o", "brief.pdf"], tmp_path)
    assert result.code == 2, result.err
    assert "sections/02-cases.yaml:3" in result.err and "figures/basins.png" in result.err, result.err
    assert BAD_IMAGES[kind] in result.err, result.err
    assert "Traceback" not in result.err and len(stderr_lines(result)) <= 3, result.err
    assert not (tmp_path / "brief.pdf").exists()
