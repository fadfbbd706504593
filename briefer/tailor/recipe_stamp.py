"""The `report:` part of a recipe (format 2): which report the recipe was made from, as YAML.

It holds the report's id, title and fingerprint, and a map of each part's fingerprint
(content/fingerprint.py) so `briefer diff` can name what changed. Written after the choices,
with inner mappings on one line each, so the choices stay easy to read and edit.
Imports the content layer's fingerprint and field readers; no Qt, no ReportLab.
"""

from __future__ import annotations

import functools

import yaml

from briefer.content.fields import Record
from briefer.content.fingerprint import ContentMap, CountryPrint, Digests, ReportStamp, SectionPrint
from briefer.content.located import LDict, LList, LStr, Where
from briefer.content.problems import Problems
from briefer.content.yaml_dialect import Dumper

HEADER = (
    "# The report this recipe was made from. `contents` holds a fingerprint of each of its parts\n"
    "# (not their text), so briefer can say what changed since: `briefer diff --recipe FILE`.\n"
)


class _Flow(dict):  # type: ignore[type-arg]
    """A mapping written on one line ({a: 1, b: 2})."""


class _Dumper(Dumper):
    pass


_Dumper.add_representer(_Flow, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v.items(), flow_style=True))


def _contents_to_dict(contents: ContentMap) -> dict[str, object]:
    return {
        "meta": contents.meta,
        "sections": [
            {"id": s.id, "title": s.title, "digest": s.digest, "blocks": _Flow(s.blocks), "notes": _Flow(s.notes)}
            for s in contents.sections
        ],
        "sources": _Flow(contents.sources),
        "audiences": _Flow(contents.audiences),
        "countries": _Flow((c.code, [c.status, c.facts, _Flow(c.fields)]) for c in contents.countries),
        "status": _Flow(contents.status),
    }


@functools.lru_cache(maxsize=4)
def dump_stamp(stamp: ReportStamp) -> str:
    """The `report:` mapping as YAML text, with its explaining comment (the same for every
    brief of one report, so written once)."""
    data: dict[str, object] = {"id": stamp.id, "title": stamp.title, "fingerprint": stamp.fingerprint}
    if stamp.contents is not None:
        data["contents"] = _contents_to_dict(stamp.contents)
    body = yaml.dump({"report": data}, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    return HEADER + body


def _digests(rec: Record, key: str, p: Problems) -> Digests:
    pairs = []
    for ident, digest in _digests_raw(rec, key, p):
        if isinstance(digest, LStr):
            pairs.append((ident, str(digest)))
        else:
            p.error(getattr(digest, "where", rec.where), f"the fingerprint of {ident!r} in {rec.what} must be text")
    return tuple(pairs)


def _countries(rec: Record, p: Problems) -> tuple[CountryPrint, ...]:
    """Each country's [status, facts] fingerprints and, since content format 2, its status fields'."""
    countries = []
    for code, entry in _digests_raw(rec, "countries", p):
        fields = entry[2] if isinstance(entry, LList) and len(entry) == 3 else {}
        if (
            isinstance(entry, LList)
            and len(entry) in (2, 3)
            and all(isinstance(x, LStr) for x in entry[:2])
            and isinstance(fields, dict)
            and all(isinstance(v, LStr) for v in fields.values())
        ):
            pairs = tuple((str(k), str(v)) for k, v in fields.items())
            countries.append(CountryPrint(code, str(entry[0]), str(entry[1]), pairs))
        else:
            where = getattr(entry, "where", rec.where)
            p.error(where, f"country {code!r} needs [status, facts, {{field: fingerprint}}] fingerprints")
    return tuple(countries)


def _digests_raw(rec: Record, key: str, p: Problems) -> list[tuple[str, object]]:
    value = rec.raw(key)
    if value is None:
        return []
    if not isinstance(value, LDict):
        p.error(rec.place(key), f"{key!r} in {rec.what} must be a mapping")
        return []
    return list(value.items())


def _contents(value: object, where: Where, p: Problems) -> ContentMap:
    keys = ("meta", "sections", "sources", "audiences", "countries")
    # `status` since content format 2; a map without it keeps the declaration in `meta`
    rec = Record(value, where, "the report's contents", p, required=keys, optional=("status",))
    sections = []
    for item, place in rec.items("sections"):
        s = Record(item, place, "a section's fingerprints", p, required=("id", "title", "digest", "blocks", "notes"))
        blocks, notes = _digests(s, "blocks", p), _digests(s, "notes", p)
        sections.append(SectionPrint(s.text("id"), s.text("title"), s.text("digest"), blocks, notes))
    return ContentMap(
        meta=rec.text("meta"),
        sections=tuple(sections),
        sources=_digests(rec, "sources", p),
        audiences=_digests(rec, "audiences", p),
        countries=_countries(rec, p),
        status=_digests(rec, "status", p),
    )


def read_stamp(value: object, where: Where, p: Problems) -> ReportStamp | None:
    """The recipe's `report:` mapping; problems go to `p`."""
    rec = Record(
        value, where, "the recipe's report", p, required=("id", "title", "fingerprint"), optional=("contents",)
    )
    if not rec.ok:
        return None
    contents = _contents(rec.raw("contents"), rec.place("contents"), p) if rec.has("contents") else None
    return ReportStamp(rec.text("id"), rec.text("title"), rec.text("fingerprint"), contents)
