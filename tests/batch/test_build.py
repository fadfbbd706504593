"""Batch builds end to end: the 5 × 6 matrix in parallel, personalised covers, print files, cancel."""

from __future__ import annotations

import csv
import hashlib
import io
import multiprocessing
import threading
import time

import pytest
from pypdf import PdfReader

from briefer.batch.errors import BatchError
from briefer.batch.plan import plan_matrix, plan_recipients
from briefer.batch.recipients import Recipient, read_recipients
from briefer.batch.runner import build_batch
from briefer.tailor.recipe import Recipe

COUNTRIES = ["EE", "FI", "LV", "LT", "PL", "UA"]
SHORT = Recipe(sections=("foreword",), contents=False)  # small briefs, for tests about everything else

RECIPIENTS = [
    Recipient("Łucja Wąsowska", "Posłanka", "Sejm RP"),
    Recipient("Олена Коваленко", "Народна депутатка", "Верховна Рада України"),
    Recipient("Jürgen O’Neill", "MdB", "Deutscher Bundestag"),
    Recipient("Smith, John", "Lord", "House of Lords"),
    Recipient('Ana "Ani" Pérez', "Diputada", "Congreso"),
    Recipient("Zoë Ørsted-Ægidius", "", "Folketinget"),
    Recipient("Γιώργος Παπαδόπουλος", "Βουλευτής", "Βουλή"),
    Recipient("Ayşe Yılmaz", "Milletvekili", "TBMM"),
    Recipient("Nguyễn Thị Minh Khai", "Đại biểu", "Quốc hội"),
    Recipient("François d’Aubigné", "Député", "Assemblée nationale"),
    Recipient("Søren Kierkegård, Jr.", "MF", "Folketinget"),
    Recipient("María-José Núñez", "Senadora", "Senado"),
]


def cover_text(path) -> str:
    return PdfReader(path).pages[0].extract_text()


@pytest.fixture(scope="module")
def matrix(report, tmp_path_factory):
    out = tmp_path_factory.mktemp("matrix")
    plan = plan_matrix(report, Recipe(), None, COUNTRIES)
    seen = []
    result = build_batch(report, plan, out, jobs=2, on_progress=seen.append)
    return plan, result, seen, out


def test_five_audiences_by_six_countries_give_thirty_distinct_briefs(report, matrix):
    plan, result, seen, out = matrix
    assert len(plan.jobs) == 30 and result.workers == 2 and not result.cancelled
    assert sorted(p.name for p in out.iterdir()) == sorted(plan.file_names())
    digests = set()
    for job in plan.jobs:
        path = out / f"{job.stem}.pdf"
        reader = PdfReader(path)
        assert len(reader.pages) > 5
        cover = reader.pages[0].extract_text()
        audience = report.audience(job.recipe.audience).name
        country = report.country(job.recipe.countries[0]).name
        assert audience in cover and country in cover, job.stem  # the cover says whose brief it is
        digests.add(hashlib.sha256(path.read_bytes()).hexdigest())
    assert len(digests) == 30
    # progress: a start, then one report per job, ending at 30 of 30
    assert [p.done for p in seen] == list(range(31)) and seen[-1].total == 30
    assert sum(len(p.written) for p in seen) == 30


def recipient_plan(report, recipients=RECIPIENTS, **options):
    recipe = Recipe(audience="parliamentarians", countries=("PL",), sections=("foreword",), contents=False)
    return plan_recipients(report, recipe, recipients, **options)


def test_twelve_recipients_get_their_own_covers(report, tmp_path):
    # through a real file, as a spreadsheet saves it: BOM, semicolons, quoted commas and quotes
    text = io.StringIO()
    writer = csv.writer(text, delimiter=";", lineterminator="\r\n")
    writer.writerow(["name", "title", "organisation"])
    writer.writerows([r.name, r.title, r.organisation] for r in RECIPIENTS)
    path = tmp_path / "people.csv"
    path.write_bytes(b"\xef\xbb\xbf" + text.getvalue().encode("utf-8"))
    recipients = read_recipients(path)
    assert [(r.name, r.title, r.organisation) for r in recipients] == [
        (r.name, r.title, r.organisation) for r in RECIPIENTS
    ]
    plan = recipient_plan(report, recipients)
    result = build_batch(report, plan, tmp_path / "out", jobs=2)
    assert len(result.files) == 12
    for job, recipient in zip(plan.jobs, RECIPIENTS, strict=True):
        cover = cover_text(tmp_path / "out" / f"{job.stem}.pdf")
        assert recipient.name in cover, recipient.name
        assert recipient.organisation in cover
        for other in RECIPIENTS:
            assert other is recipient or other.name not in cover


def test_combined_print_file_starts_every_copy_on_an_odd_page(report, tmp_path):
    plan = recipient_plan(report, combined=True, booklet=True)
    result = build_batch(report, plan, tmp_path, jobs=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(plan.file_names())
    reader = PdfReader(tmp_path / f"{plan.combined_stem}.pdf")
    starts = {
        item.title: reader.get_destination_page_number(item) + 1
        for item in reader.outline
        if not isinstance(item, list)
    }
    assert list(starts) == [r.name for r in RECIPIENTS]  # one bookmark per copy, in order
    for name, page in starts.items():
        assert page % 2 == 1, (name, page)
        assert name in reader.pages[page - 1].extract_text()
    assert [f.kind for f in result.files] == ["combined", "combined-booklet"]
    booklet = PdfReader(tmp_path / f"{plan.combined_booklet_stem}.pdf")
    assert len(booklet.pages) % 2 == 0 and booklet.pages[0].mediabox.width > booklet.pages[0].mediabox.height


def test_building_in_this_process_gives_the_same_files(report, tmp_path):
    plan = plan_matrix(report, SHORT, ["media"], ["FI", "UA"], booklet=True)
    result = build_batch(report, plan, tmp_path / "new" / "folder", jobs=1)
    assert result.workers == 1
    assert [f.path.name for f in result.files] == list(plan.file_names())
    assert [f.kind for f in result.files] == ["brief", "booklet", "brief", "booklet"]


def test_cancel_stops_promptly_and_leaves_only_finished_files(report, tmp_path):
    plan = plan_matrix(report, Recipe())  # 75 full briefs: half a minute of work on two cores
    cancel = threading.Event()

    def on_progress(progress):
        if progress.done >= 2:
            cancel.set()

    started = time.perf_counter()
    result = build_batch(report, plan, tmp_path, jobs=2, on_progress=on_progress, cancel=cancel)
    assert result.cancelled
    assert time.perf_counter() - started < 10
    # queued jobs were dropped: the workers finish what they hold and exit, soon
    deadline = time.perf_counter() + 3
    while multiprocessing.active_children() and time.perf_counter() < deadline:
        time.sleep(0.05)
    assert not multiprocessing.active_children()
    files = sorted(tmp_path.iterdir())
    assert 2 <= len(files) < 10
    assert sorted(f.path for f in result.files) == files
    for path in files:  # every file left is whole; no temporary files remain
        assert path.suffix == ".pdf" and len(PdfReader(path).pages) > 5


def test_a_job_that_cannot_be_built_stops_the_batch_with_its_name(report, tmp_path):
    everything = tuple(c.code for c in report.countries)
    plan = plan_recipients(report, Recipe(audience="media", countries=everything), [Recipient("Ada")], glance=True)
    with pytest.raises(BatchError, match=r"^Ada: the at-a-glance page .* does not fit on one page"):
        build_batch(report, plan, tmp_path, jobs=1)
    assert list(tmp_path.iterdir()) == []


def test_an_output_path_that_is_a_file_is_refused(report, tmp_path):
    target = tmp_path / "taken"
    target.write_text("x")
    with pytest.raises(BatchError, match="it is a file, not a folder"):
        build_batch(report, plan_matrix(report, SHORT, ["media"], ["FI"]), target)


def test_the_second_report_batches_by_audience_with_no_countries(gao_report, tmp_path):
    """A report that compares no countries: one brief per audience, each with its notes on their pages."""
    from tests.render.notecheck import assert_notes_at_foot
    from tests.render.readback import read_back

    plan = plan_matrix(gao_report, Recipe(), None, None)
    assert [job.recipe.audience for job in plan.jobs] == [a.id for a in gao_report.audiences]
    result = build_batch(gao_report, plan, tmp_path, jobs=2)
    assert not result.cancelled and len(result.files) == 3
    for job in plan.jobs:
        path = tmp_path / f"{job.stem}.pdf"
        assert gao_report.audience(job.recipe.audience).name in cover_text(path)
        from briefer.tailor.tailor import tailor

        assert_notes_at_foot(read_back(path.read_bytes()), tailor(gao_report, job.recipe))
