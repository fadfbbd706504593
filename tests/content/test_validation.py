"""Each kind of content problem is reported with its file, line and column; none crash."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefer.content.load import check_report, load_report
from briefer.content.problems import ContentError

from ..conftest import MINI


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    target = tmp_path / "mini-report"
    shutil.copytree(MINI, target)
    return target


def errors_of(folder: Path) -> list[str]:
    report, problems = check_report(folder)
    errors = [str(p) for p in problems if not p.warning]
    assert (report is None) == bool(errors)
    return errors


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_mini_report_loads(mini: Path) -> None:
    report = load_report(mini)
    assert [s.id for s in report.sections] == ["summary", "cases"]
    assert report.instrument("unwc").short == "UNWC"
    assert errors_of(mini) == []


def test_yaml_syntax_error_names_file_line_col(mini: Path) -> None:
    edit(mini / "sections" / "01-summary.yaml", "title: Summary", "title: [Summary")
    errors = errors_of(mini)
    assert len(errors) == 1
    assert errors[0].startswith("mini-report/sections/01-summary.yaml:")
    assert "YAML syntax error" in errors[0]


def test_unknown_key(mini: Path) -> None:
    edit(mini / "sections" / "01-summary.yaml", "title: Summary", "titel: Summary")
    errors = errors_of(mini)
    assert any("01-summary.yaml:2:1: unknown key 'titel'" in e for e in errors)
    assert any("missing the required key 'title'" in e for e in errors)


def test_wrong_type(mini: Path) -> None:
    edit(mini / "report.yaml", "year: 2024", "year: soon")
    assert any("report.yaml:7:7: 'year' in report.yaml must be a whole number" in e for e in errors_of(mini))


def test_duplicate_id(mini: Path) -> None:
    edit(mini / "sections" / "02-cases.yaml", "id: cases", "id: summary")
    assert any("duplicate section id 'summary'" in e for e in errors_of(mini))


def test_duplicate_source(mini: Path) -> None:
    edit(mini / "sources" / "main.yaml", "id: basin-atlas", "id: un-water-2021")
    assert any("sources/main.yaml:7:9: duplicate source id 'un-water-2021'" in e for e in errors_of(mini))


def test_unknown_references_list_choices(mini: Path) -> None:
    edit(mini / "sections" / "01-summary.yaml", "[@un-water-2021, p. 4]", "[@un-water-2012, p. 4]")
    edit(mini / "audiences.yaml", "basis: [summary]", "basis: [sumary]")
    edit(mini / "sections" / "02-cases.yaml", "only_for_countries: [UA]", "only_for_countries: [FR]")
    errors = errors_of(mini)
    assert any("unknown source 'un-water-2012' (did you mean 'un-water-2021'?)" in e for e in errors)
    assert any("audiences.yaml:" in e and "unknown section 'sumary' (did you mean 'summary'?)" in e for e in errors)
    assert any("unknown country 'FR' (known countries: PL, UA)" in e for e in errors)


def test_notes_and_markers_must_match(mini: Path) -> None:
    edit(mini / "sections" / "01-summary.yaml", "border.[^a]", "border.[^z]")
    errors = errors_of(mini)
    assert any("unknown note 'z'" in e for e in errors)
    assert any("note 'a' has no marker [^a]" in e for e in errors)


def test_empty_text_and_bad_inline(mini: Path) -> None:
    edit(mini / "sections" / "01-summary.yaml", "- pullquote: Rules matter.", "- pullquote: ''")
    edit(mini / "sections" / "02-cases.yaml", "In Poland, Łódź", "In **Poland, Łódź")
    errors = errors_of(mini)
    assert any("01-summary.yaml:6:16: 'pullquote' in a pullquote block is empty" in e for e in errors)
    assert any("'**' opens bold text that is never closed" in e for e in errors)


def test_bad_country_code_and_date(mini: Path) -> None:
    edit(mini / "countries.yaml", "code: UA", "code: XZ")
    edit(mini / "countries.yaml", "joined: 2001-02-03", "joined: 3 Feb 2001")
    errors = errors_of(mini)
    assert any("'XZ' is not an ISO 3166 alpha-2 country code" in e for e in errors)
    assert any("'joined' must be a date written YYYY-MM-DD" in e for e in errors)


def test_unused_source_is_a_warning(mini: Path) -> None:
    edit(
        mini / "sources" / "main.yaml",
        "sources:\n",
        "sources:\n  - id: spare\n    title: Never cited\n",
    )
    report, problems = check_report(mini)
    assert report is not None
    assert [str(p) for p in problems] == ["mini-report/sources/main.yaml:2:9: warning: source 'spare' is never cited"]


def test_all_problems_reported_at_once(mini: Path) -> None:
    edit(mini / "report.yaml", "year: 2024", "year: x")
    edit(mini / "audiences.yaml", "name: Ministers", "nam: Ministers")
    edit(mini / "countries.yaml", "name: Poland", "name: ''")
    assert len(errors_of(mini)) >= 4


def test_python_tags_are_never_run(mini: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    edit(mini / "report.yaml", "title: Shared Rivers", f"title: !!python/object/apply:os.system ['touch {marker}']")
    errors = errors_of(mini)
    assert any("report.yaml:3:8" in e for e in errors)
    assert not marker.exists()


def test_missing_folder_and_files(tmp_path: Path) -> None:
    assert errors_of(tmp_path / "nowhere") == [f"{tmp_path / 'nowhere'}: content folder not found"]
    (tmp_path / "empty").mkdir()
    errors = errors_of(tmp_path / "empty")
    assert any("report.yaml is missing" in e for e in errors)
    assert any("no section files" in e for e in errors)


def test_load_report_raises_content_error(mini: Path) -> None:
    edit(mini / "report.yaml", "year: 2024", "year: x")
    with pytest.raises(ContentError) as info:
        load_report(mini)
    assert "report.yaml:7:7" in str(info.value)


def test_cli_validate_exit_codes(mini: Path) -> None:
    ok = subprocess.run(
        [sys.executable, "-m", "briefer", "validate", "--content", str(mini)], capture_output=True, text=True
    )
    assert ok.returncode == 0, ok.stderr
    assert "2 sections, 9 blocks, 6 notes, 2 sources, 1 audiences, 2 countries" in ok.stdout
    edit(mini / "report.yaml", "year: 2024", "year: x")
    bad = subprocess.run(
        [sys.executable, "-m", "briefer", "validate", "--content", str(mini)], capture_output=True, text=True
    )
    assert bad.returncode == 2
    assert "report.yaml:7:7:" in bad.stderr
    assert "Traceback" not in bad.stderr


# --- fuzzing: arbitrary bytes and arbitrary YAML give our own error, never anything else -----

FILES = ["report.yaml", "sections/01-summary.yaml", "sources/main.yaml", "audiences.yaml", "countries.yaml"]

yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(target=st.sampled_from(FILES), data=st.binary(max_size=300))
def test_arbitrary_bytes_give_our_errors(mini: Path, target: str, data: bytes) -> None:
    (mini / target).write_bytes(data)
    report, problems = check_report(mini)
    for problem in problems:
        assert str(problem).startswith("mini-report/") or str(problem).startswith(str(mini))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(target=st.sampled_from(FILES), value=yaml_values)
def test_arbitrary_yaml_gives_our_errors(mini: Path, target: str, value: object) -> None:
    import yaml

    (mini / target).write_text(yaml.safe_dump(value, allow_unicode=True), encoding="utf-8")
    report, problems = check_report(mini)
    if report is None:
        assert any(not p.warning for p in problems)


def test_alias_bomb_is_refused_quickly(mini: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    (mini / "countries.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors = errors_of(mini)
    assert any("countries.yaml" in e and "too many values" in e for e in errors)


def test_deep_nesting_is_refused(mini: Path) -> None:
    (mini / "audiences.yaml").write_text("a: " + "[" * 500 + "]" * 500 + "\n", encoding="utf-8")
    errors = errors_of(mini)
    assert any("audiences.yaml" in e and ("nested too deeply" in e or "YAML" in e) for e in errors)


def test_norway_unquoted_is_norway(mini: Path) -> None:
    # YAML 1.1 reads a bare NO as false; briefer reads text as typed (yaml_dialect.py)
    edit(mini / "countries.yaml", "code: PL\n    name: Poland", "code: NO\n    name: Norway")
    edit(
        mini / "sections" / "02-cases.yaml", "countries: [PL]", "countries: [NO]"
    )  # format 2: tags name known countries
    edit(mini / "sections" / "01-summary.yaml", "id: summary-quote", "id: summary-quote\n    countries: [NO]")
    report = load_report(mini)
    assert report.country("NO").name == "Norway"
    quote = report.section("summary").blocks[1]
    assert quote.tags.countries == ("NO",)
