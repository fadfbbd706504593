"""The PDF as a document: determinism, fonts, metadata, print preferences, the embedded recipe,
outline, contents, page furniture, page sizes, large print and grayscale."""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf.generic import IndirectObject

from briefer.content.model import Span
from briefer.render.embedded import read_embedded_recipe
from briefer.render.pdf import render_pdf
from briefer.tailor.brief import BParagraph, Brief, Layout, SectionPart
from briefer.tailor.recipe import PageSize
from tests.render.briefs import make_brief, with_layout
from tests.render.readback import ReadBack, read_back

ROOT = Path(__file__).resolve().parents[2]
BASE14 = re.compile(r"^/(Helvetica|Times|Courier|Symbol|ZapfDingbats)", re.IGNORECASE)


@pytest.fixture(scope="module")
def default(synthetic_brief: Brief) -> tuple[Brief, bytes, ReadBack]:
    data = render_pdf(synthetic_brief)
    return synthetic_brief, data, read_back(data)


def test_the_same_brief_gives_the_same_bytes(default: tuple[Brief, bytes, ReadBack]) -> None:
    brief, data, _ = default
    assert render_pdf(brief) == data


def test_the_same_bytes_in_another_process(default: tuple[Brief, bytes, ReadBack], tmp_path: Path) -> None:
    """Another process hashes strings differently; nothing in the output may depend on that."""
    brief, data, _ = default
    out = tmp_path / "again.pdf"
    code = (
        "import sys; from tests.render.briefs import make_brief; from briefer.render.pdf import render_pdf; "
        "open(sys.argv[1], 'wb').write(render_pdf(make_brief()))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", code, str(out)], check=True, cwd=ROOT, env=env)
    assert brief == make_brief()
    assert out.read_bytes() == data


def _fonts(doc: ReadBack) -> dict[str, object]:
    """Every font the pages and their forms use, by base name."""
    fonts: dict[str, object] = {}

    def walk(resources: object) -> None:
        resources = resources.get_object() if isinstance(resources, IndirectObject) else resources
        if not resources:
            return
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
        for xobject in (resources.get("/XObject") or {}).values():
            walk(xobject.get_object().get("/Resources"))

    for page in doc.reader.pages:
        walk(page.get("/Resources"))
    return fonts


def test_every_font_is_embedded_and_none_is_a_base14_font(default: tuple[Brief, bytes, ReadBack]) -> None:
    fonts = _fonts(default[2])
    assert fonts
    for name, font in fonts.items():
        assert not BASE14.match(name.split("+")[-1]), name
        assert "+" in name, f"{name} is not a subset"
        descriptor = (
            font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            if "/DescendantFonts" in font
            else font["/FontDescriptor"]
        )
        assert "/FontFile2" in descriptor.get_object(), f"{name} is not embedded"
    families = {name.split("+")[-1].split("-")[0] for name in fonts}
    assert families == {"NotoSerif", "NotoSans"}


def test_metadata(default: tuple[Brief, bytes, ReadBack]) -> None:
    brief, _, doc = default
    info = doc.reader.metadata
    assert info.title == brief.title
    assert info.author == "Lou Maresca, Magnus Løvold"
    assert info.subject == "Briefing for Members of parliament"
    assert "Finland" in info["/Keywords"] and "Members of parliament" in info["/Keywords"]
    assert info.creator == "briefer"
    assert doc.reader.trailer["/Root"]["/Lang"] == "en"


def test_print_preferences(default: tuple[Brief, bytes, ReadBack]) -> None:
    prefs = default[2].reader.trailer["/Root"]["/ViewerPreferences"]
    assert prefs["/PrintScaling"] == "/None"
    assert prefs["/Duplex"] == "/DuplexFlipLongEdge"


def test_a_short_brief_is_not_duplexed() -> None:
    section = SectionPart("only", "Only", (BParagraph("p", (Span("One short paragraph, no notes."),)),))
    brief = dataclasses.replace(make_brief(Layout(cover=False)), parts=(section,), notes=(), sources=())
    doc = read_back(render_pdf(brief))
    assert doc.page_count == 1
    prefs = doc.reader.trailer["/Root"]["/ViewerPreferences"]
    assert prefs["/PrintScaling"] == "/None"
    assert "/Duplex" not in prefs


def test_the_recipe_reads_back(default: tuple[Brief, bytes, ReadBack], tmp_path: Path) -> None:
    brief, data, _ = default
    assert read_embedded_recipe(data) == brief.recipe_yaml
    path = tmp_path / "brief.pdf"
    path.write_bytes(data)
    assert read_embedded_recipe(path) == brief.recipe_yaml
    assert read_embedded_recipe(str(path)) == brief.recipe_yaml


def test_no_recipe_reads_back_as_none(tmp_path: Path) -> None:
    data = render_pdf(make_brief(Layout(cover=False, contents=False), sections=1, long_note=False, recipe_yaml=""))
    assert read_embedded_recipe(data) is None
    assert read_embedded_recipe(b"not a pdf at all") is None


def test_outline_has_each_section_title_in_order(default: tuple[Brief, bytes, ReadBack]) -> None:
    brief, _, doc = default
    titles = [title for title, _ in doc.outline]
    sections = [s.title for s in brief.sections]
    assert [t for t in titles if t in sections] == sections
    assert titles[-1] == "Sources"


def test_contents_page_numbers_are_the_real_pages(default: tuple[Brief, bytes, ReadBack]) -> None:
    brief, _, doc = default
    contents = doc.page_text(2)
    assert "Contents" in contents
    for title, page in doc.outline:
        assert re.search(re.escape(title) + rf"\s*{page}(?!\d)", contents), title
        assert title.split(":")[0] in doc.page_text(page)
    for section in brief.sections:
        page = dict(doc.outline)[section.title]
        assert section.title in doc.page_text(page)


def test_contents_entries_link_to_their_sections(default: tuple[Brief, bytes, ReadBack]) -> None:
    _, _, doc = default
    ids = {page.indirect_reference.idnum: n for n, page in enumerate(doc.reader.pages, start=1)}
    contents = doc.reader.pages[1]
    targets = [ids[a.get_object()["/Dest"][0].idnum] for a in contents["/Annots"]]
    assert targets == [page for _, page in doc.outline]


def test_header_and_footer(default: tuple[Brief, bytes, ReadBack]) -> None:
    brief, _, doc = default
    total = doc.page_count
    assert "Page 1 of" not in doc.page_text(1)  # the cover has no furniture
    for page in range(2, total + 1):
        text = doc.page_text(page)
        assert f"Page {page} of {total}" in text
        assert "Withdrawal Symptoms" in text and "Briefing for Members of parliament" in text
        assert brief.prepared_for.line() in text


def test_cover_carries_the_particulars(default: tuple[Brief, bytes, ReadBack]) -> None:
    _, _, doc = default
    cover = doc.page_text(1)
    for text in (
        "Withdrawal Symptoms",
        "Briefing for Members of parliament",
        "COUNTRY FOCUS Finland",
        "PREPARED FOR Ms Anna Virtanen MP",
        "PLACE Helsinki",
        "DATE 12 March 2026",
        "Lex International Fund".upper(),
        "Lou Maresca and Magnus Løvold, Withdrawal Symptoms, 2025.",
    ):
        assert text in cover


def test_cover_note_page() -> None:
    brief = dataclasses.replace(
        make_brief(sections=3, long_note=False), cover_note="Dear Minister,\n\nPlease read this."
    )
    doc = read_back(render_pdf(brief))
    assert "Dear Minister, Please read this." in doc.page_text(2)
    assert doc.page_text(3).count("Contents") == 1


def test_no_contents_below_three_sections() -> None:
    doc = read_back(render_pdf(make_brief(sections=2, long_note=False)))
    assert not any("Contents" in doc.page_text(p) for p in range(1, doc.page_count + 1))


@pytest.mark.parametrize(("size", "expected"), [("a4", (595.28, 841.89)), ("letter", (612.0, 792.0))])
def test_page_size(size: str, expected: tuple[float, float]) -> None:
    doc = read_back(render_pdf(make_brief(Layout(page_size=PageSize(size)), sections=1, long_note=False)))
    for page in range(1, doc.page_count + 1):
        assert doc.size(page) == pytest.approx(expected, abs=0.01)


def test_large_print_sets_body_text_at_14_points_or_more(synthetic_brief: Brief) -> None:
    doc = read_back(render_pdf(with_layout(synthetic_brief, large_print=True)))
    sizes: dict[float, int] = {}
    for page in range(3, doc.page_count + 1):
        _, height = doc.size(page)
        body_bottom = doc.note_rule_y(page) or 0.0  # the notes are set smaller, as they should be
        for _, _, y, size in doc.chars(page):
            if body_bottom < y < height - 80:  # below the running header
                sizes[round(size, 1)] = sizes.get(round(size, 1), 0) + 1
    assert max(sizes, key=sizes.__getitem__) >= 14


def _colours(doc: ReadBack) -> set[tuple[float, ...]]:
    """Every fill and stroke colour set in the pages and their forms."""
    streams = [page.get_contents().get_data() for page in doc.reader.pages]
    for page in doc.reader.pages:
        for xobject in (page["/Resources"].get("/XObject") or {}).values():
            streams.append(xobject.get_object().get_data())
    found = set()
    for data in streams:
        text = data.decode("latin-1")
        found |= {tuple(float(v) for v in m[:3]) for m in re.findall(r"([\d.]+) ([\d.]+) ([\d.]+) (?:rg|RG)\b", text)}
    return found


def test_grayscale_uses_greys_only(synthetic_brief: Brief) -> None:
    colour = _colours(read_back(render_pdf(synthetic_brief)))
    assert any(len(set(c)) > 1 for c in colour)  # the check would see colour if there were any
    grey = _colours(read_back(render_pdf(with_layout(synthetic_brief, grayscale=True, watermark="DRAFT"))))
    assert grey and all(abs(r - g) < 1e-3 and abs(g - b) < 1e-3 for r, g, b in grey)


def test_watermark_on_every_page(synthetic_brief: Brief) -> None:
    doc = read_back(render_pdf(with_layout(synthetic_brief, watermark="CONFIDENTIAL")))
    for page in range(1, doc.page_count + 1):
        assert "CONFIDENTIAL" in doc.page_text(page).replace(" ", "")
