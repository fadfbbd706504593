"""The translator round trip: export to XLIFF 2.0, a translator's file back in. Every marker is
kept, a dropped or duplicated one is refused with the file, line and unit, and only what changed
is written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import etree

from briefer.cli.main import main
from briefer.content.load import load_report
from briefer.content.model import Cite, Span, Text, Translatable
from briefer.content.translations import State, unit_state
from briefer.content.units import markers, report_units

from ..conftest import CONTENT
from .pseudo import NS, pseudo, translate_all


@pytest.fixture
def content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


def export(content: Path, language: str, out: Path, *extra: str) -> bytes:
    assert (
        main(["translations", "export", "--content", str(content), "--language", language, "-o", str(out), *extra]) == 0
    )
    return out.read_bytes()


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.rglob("*.yaml")}


def expected(source: Translatable) -> Translatable:
    """What the pseudo-translator's file must give back: every letter changed, every code kept."""
    if isinstance(source, str):
        return pseudo(source).strip()
    parts: list[object] = []
    for part in source:
        if isinstance(part, Span):
            parts.append(Span(pseudo(part.text), part.bold, part.italic))
        elif isinstance(part, Cite):
            parts.append(Cite(part.source_id, pseudo(part.locator), pseudo(part.prefix)))
        else:
            parts.append(part)
    return tuple(parts)  # type: ignore[return-value]


def _strip(text: Translatable) -> Translatable:
    """parse_inline's reading of a text whose markup was stripped at both ends."""
    if isinstance(text, str) or not text:
        return text
    first, last = text[0], text[-1]
    parts: Text = text
    if isinstance(first, Span):
        parts = (Span(first.text.lstrip(), first.bold, first.italic), *parts[1:])
    if isinstance(last, Span):
        parts = (*parts[:-1], Span(parts[-1].text.rstrip(), last.bold, last.italic))  # type: ignore[union-attr]
    return tuple(p for p in parts if not isinstance(p, Span) or p.text)


def test_every_code_is_protected_and_carries_its_markup(content: Path, tmp_path: Path) -> None:
    root = etree.fromstring(export(content, "fi", tmp_path / "fi.xlf"))
    assert root.get("version") == "2.0" and root.get("srcLang") == "en" and root.get("trgLang") == "fi"
    report = load_report(content)
    assert len(root.findall(f".//{{{NS}}}unit")) == sum(len(u.texts) for u in report_units(report))
    markers_exported = []
    for unit in root.iter(f"{{{NS}}}unit"):
        data = {d.get("id"): d.text for d in unit.iterfind(f"{{{NS}}}originalData/{{{NS}}}data")}
        for code in unit.iter(f"{{{NS}}}ph", f"{{{NS}}}sc", f"{{{NS}}}ec"):
            assert code.get("canDelete") == "no" and code.get("canCopy") == "no"
            assert data[code.get("dataRef")] == code.get("disp")
            if code.get("disp", "").startswith("[^"):
                markers_exported.append(code.get("disp"))
    in_report = [m for u in report_units(report) for _, t in u.texts for m in markers(t).elements() if m[1] == "^"]
    assert sorted(markers_exported) == sorted(in_report) and len(in_report) > 30


def test_the_round_trip_keeps_every_marker_and_takes_every_text(content: Path, tmp_path: Path, capsys) -> None:
    done = tmp_path / "de-done.xlf"
    done.write_bytes(translate_all(export(content, "de", tmp_path / "de.xlf")))
    assert main(["translations", "import", "--content", str(content), str(done)]) == 0
    report = load_report(content)
    units = report_units(report)
    assert f"de: {len(units)} unit(s) new, 0 changed, 0 unchanged" in capsys.readouterr().out
    translations = report.translations["de"]
    assert not translations.problems
    for unit in units:
        translation = translations.units[unit.id]
        assert unit_state(unit, translation) is State.CURRENT
        for path, source in unit.texts:
            assert markers(translation.texts[path]) == markers(source), (unit.id, path)
            assert translation.texts[path] == _strip(expected(source)), (unit.id, path)


def test_importing_again_changes_nothing_and_a_change_touches_only_its_file(content: Path, tmp_path: Path, capsys):
    done = tmp_path / "lt-done.xlf"
    done.write_bytes(translate_all(export(content, "lt", tmp_path / "lt.xlf")))
    assert main(["translations", "import", "--content", str(content), str(done)]) == 0
    folder = content / "translations" / "lt"
    before = snapshot(folder)
    capsys.readouterr()
    assert main(["translations", "import", "--content", str(content), str(done)]) == 0
    assert "0 unit(s) new, 0 changed" in capsys.readouterr().out
    assert snapshot(folder) == before

    def retranslate(unit_id: str, target: etree._Element) -> None:
        if unit_id == "block:foreword-2:text":
            target.text = "Ganz neu: " + (target.text or "")

    again = tmp_path / "lt-again.xlf"
    again.write_bytes(translate_all(export(content, "lt", tmp_path / "lt2.xlf"), edit=retranslate))
    assert main(["translations", "import", "--content", str(content), str(again)]) == 0
    assert "0 unit(s) new, 1 changed" in capsys.readouterr().out
    after = snapshot(folder)
    assert {name for name in after if after[name] != before[name]} == {"sections/foreword.yaml"}
    assert "Ganz neu:" in (folder / "sections" / "foreword.yaml").read_text(encoding="utf-8")


def _drop_marker(unit_id: str, target: etree._Element) -> None:
    if unit_id == "block:introduction-2:text":
        (ph,) = target.findall(f"{{{NS}}}ph")
        target.text = (target.text or "") + (ph.tail or "")
        target.remove(ph)


def _double_marker(unit_id: str, target: etree._Element) -> None:
    if unit_id == "audience:diplomats:key_messages.4.text":
        target.append(etree.fromstring(etree.tostring(target.find(f"{{{NS}}}ph"))))


def _cite_out_of_brackets(unit_id: str, target: etree._Element) -> None:
    if unit_id == "note:20:text":
        source = target.find(f"{{{NS}}}ph")
        assert source is not None
        target.remove(source)
        target.append(source)


def _invent_marker(unit_id: str, target: etree._Element) -> None:
    if unit_id == "note:28:text":
        etree.SubElement(target, f"{{{NS}}}ph", id="n9", dataRef="dn9")


@pytest.mark.parametrize(
    ("edit", "unit", "message"),
    [
        (_drop_marker, "block:introduction-2:text", "note marker [^2] (placeholder n1) is missing"),
        (
            _double_marker,
            "audience:diplomats:key_messages.4.text",
            "note marker [^17] (placeholder n1) is there 2 times",
        ),
        (_cite_out_of_brackets, "note:20:text", "citation of @hiznay-2006 is missing"),
        (_invent_marker, "note:28:text", "placeholder <ph> 'n9' is not in the source"),
    ],
)
def test_a_careless_translation_is_refused_with_file_line_and_unit(
    content: Path, tmp_path: Path, capsys, edit, unit: str, message: str
) -> None:
    before = snapshot(content / "translations")
    done = tmp_path / "fr-done.xlf"
    done.write_bytes(translate_all(export(content, "fr", tmp_path / "fr.xlf"), edit=edit))
    capsys.readouterr()
    assert main(["translations", "import", "--content", str(content), str(done)]) == 2
    err = capsys.readouterr().err
    (line,) = [line for line in err.splitlines() if f"unit {unit}" in line]
    where = line.split(": unit ")[0]
    assert where.startswith(f"{done}:") and int(where.split(":")[1]) > 1
    assert message in line
    assert snapshot(content / "translations") == before  # nothing written


def test_texts_not_marked_translated_and_stale_units_are_left_out(content: Path, tmp_path: Path, capsys) -> None:
    exported = export(content, "es", tmp_path / "es.xlf")
    tree = etree.fromstring(translate_all(exported))
    for unit in tree.iter(f"{{{NS}}}unit"):
        if unit.get("id") == "block:foreword-1:text":
            unit.find(f"{{{NS}}}segment").set("state", "initial")  # type: ignore[union-attr]
    done = tmp_path / "es-done.xlf"
    done.write_bytes(etree.tostring(tree))
    path = content / "sections" / "07-conclusion.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Worse still,", "Worse still, and plainly,"), "utf-8")
    assert main(["translations", "import", "--content", str(content), str(done)]) == 0
    out, err = capsys.readouterr()
    assert "1 not marked translated" in out
    assert "block:conclusion-6: left out (its source text changed after this file was exported" in err
    units = load_report(content).translations["es"].units
    assert "block:foreword-1" not in units and "block:conclusion-6" not in units and "block:foreword-2" in units


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not xml at all", "not well-formed XML"),
        (
            b'<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
            b'<file source-language="en" target-language="fr" datatype="plaintext" original="x"><body/></file></xliff>',
            "not an XLIFF 2 file",
        ),
        (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            b'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en">'
            b'<file id="f"><unit id="u"><segment><source>&b;</source></segment></unit></file></xliff>',
            "names no target language",
        ),
    ],
)
def test_a_file_that_is_not_a_translation_is_refused_clearly(
    content: Path, tmp_path: Path, capsys, data: bytes, message: str
) -> None:
    path = tmp_path / "bad.xlf"
    path.write_bytes(data)
    assert main(["translations", "import", "--content", str(content), str(path)]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and message in err and "Traceback" not in err


def test_an_external_entity_is_never_read(content: Path, tmp_path: Path, capsys) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    translated = translate_all(export(content, "fr", tmp_path / "fr.xlf")).decode("utf-8")
    head, rest = translated.split("\n", 1)
    title = "<target>" + pseudo("Withdrawal Symptoms") + "</target>"
    assert title in rest
    rest = rest.replace(title, "<target>&s;</target>")
    path = tmp_path / "hostile.xlf"
    path.write_text(f'{head}\n<!DOCTYPE xliff [<!ENTITY s SYSTEM "file://{secret}">]>\n{rest}', encoding="utf-8")
    assert main(["translations", "import", "--content", str(content), str(path)]) == 2
    err = capsys.readouterr().err
    assert "unit report:withdrawal-symptoms:title: the translation is empty" in err
    assert "TOP SECRET" not in "".join(p.read_text("utf-8") for p in (content / "translations").rglob("*.yaml"))
