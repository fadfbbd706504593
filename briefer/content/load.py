"""Load a content folder into a checked, immutable Report; report every problem at once.

Public: `load_report(folder)` and `check_report(folder)`. No Qt, no ReportLab.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

from briefer.content.fields import COUNTRY_RE, Record, read_inline
from briefer.content.iso3166 import ALPHA2
from briefer.content.located import LDict, Located, Where, YamlError, load_located
from briefer.content.model import (
    Asks,
    Audience,
    Block,
    BlockTags,
    Cite,
    Country,
    CountryFact,
    Definition,
    KeyMessage,
    Note,
    NoteRef,
    Paragraph,
    PullQuote,
    Report,
    Section,
    Sidebar,
    Source,
    Text,
    Treaty,
    TreatyStatus,
    block_texts,
)
from briefer.content.problems import ContentError, Problem, Problems

BLOCK_KINDS = ("paragraph", "definition", "sidebar", "pullquote")
TAG_KEYS = ("id", "countries", "only_for_countries", "only_for_audiences")
TREATY_DATES = ("joined", "in_force", "withdrawal_deposited", "withdrawal_effective")


def default_content_dir() -> Path:
    """The report shipped with briefer, or $BRIEFER_CONTENT."""
    env = os.environ.get("BRIEFER_CONTENT")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "content"


def load_report(folder: Path | str | None = None) -> Report:
    report, problems = check_report(folder)
    if report is None:
        raise ContentError(problems)
    return report


def check_report(folder: Path | str | None = None) -> tuple[Report | None, list[Problem]]:
    """The report (None when there are errors) and every problem found, warnings included."""
    root = Path(folder) if folder is not None else default_content_dir()
    return _Loader(root).run()


class _Loader:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.p = Problems()
        # (kind, id) -> places it is referenced, checked once everything is read
        self.refs: list[tuple[str, str, Where]] = []
        self.cited: set[str] = set()
        # kinds whose file failed to parse: references to them are not checked, to avoid
        # burying the one real error under a cascade of "unknown id" messages
        self.broken: set[str] = set()

    # -- files ----------------------------------------------------------------

    def display(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root.parent))
        except ValueError:
            return str(path)

    def read(self, path: Path) -> Located | None:
        try:
            return load_located(path, self.display(path))
        except YamlError as exc:
            self.p.error(exc.where, exc.message)
            return None

    def top(
        self, path: Path, key: str | None = None, kinds: tuple[str, ...] = ()
    ) -> tuple[Record | None, object]:
        where = Where(self.display(path), 1, 1)
        value = self.read(path)
        if value is None:
            self.broken.update(kinds)
            if not self.p.errors or self.p.errors[-1].where.file != where.file:
                self.p.error(where, "file is empty")
            return None, None
        if key is None:
            return None, value
        record = Record(value, where, f"{path.name}", self.p, required=(key,))
        return record, record.raw(key)

    def run(self) -> tuple[Report | None, list[Problem]]:
        root = self.root
        if not root.is_dir():
            self.p.error(Where(str(root), 0, 0), "content folder not found")
            return None, self.p.items
        meta = self.load_meta(root / "report.yaml")
        sections = self.load_sections(root / "sections")
        sources = self.load_sources(root / "sources")
        audiences = self.load_audiences(root / "audiences.yaml")
        countries = self.load_countries(root / "countries.yaml")
        if meta is None:
            return None, self.p.items
        report = Report(
            sections=sections,
            sources=sources,
            audiences=audiences,
            countries=countries,
            **meta,
        )
        self.check_references(report)
        if self.p.errors:
            return None, self.p.items
        return report, self.p.items

    # -- report.yaml -------------------------------------------------------------

    def load_meta(self, path: Path) -> dict[str, object] | None:
        if not path.is_file():
            self.p.error(Where(self.display(path), 1, 1), "report.yaml is missing")
            return None
        _, value = self.top(path)
        if value is None:
            return None
        r = Record(
            value,
            Where(self.display(path), 1, 1),
            "report.yaml",
            self.p,
            required=("id", "title", "authors", "publisher", "year", "citation"),
            optional=("subtitle", "short_title", "language", "url", "about", "treaties"),
        )
        treaties = []
        for item, where in r.items("treaties"):
            t = Record(item, where, "a treaty", self.p, required=("id", "name"), optional=("short",))
            name = t.text("name")
            treaties.append(Treaty(t.ident("id"), name, t.text("short") or name))
        self.unique([t.id for t in treaties], "treaty", r.place("treaties"))
        title = r.text("title")
        authors = r.strings("authors")
        if r.has("authors") and not authors:
            self.p.error(r.place("authors"), "'authors' needs at least one name")
        return {
            "id": r.ident("id"),
            "title": title,
            "subtitle": r.text("subtitle"),
            "short_title": r.text("short_title") or title,
            "authors": authors,
            "publisher": r.text("publisher"),
            "year": r.integer("year"),
            "language": r.text("language") or "en",
            "citation": r.inline("citation", notes=False),
            "about": r.inline("about", notes=False),
            "url": r.text("url"),
            "treaties": tuple(treaties),
        }

    # -- sections --------------------------------------------------------------

    def load_sections(self, folder: Path) -> tuple[Section, ...]:
        files = [*folder.glob("*.yaml"), *folder.glob("*.yml")] if folder.is_dir() else []
        if not files:
            self.p.error(Where(self.display(folder), 1, 1), "no section files (sections/*.yaml)")
            return ()
        sections = []
        for path in sorted(files, key=lambda f: f.name):
            _, value = self.top(path, kinds=("section", "note"))
            if value is not None:
                section = self.section(value, Where(self.display(path), 1, 1))
                if section is not None:
                    sections.append(section)
        ids = [s.id for s in sections]
        self.unique(ids, "section", Where(self.display(folder), 1, 1))
        note_ids = [n.id for s in sections for n in s.notes]
        self.unique(note_ids, "note", Where(self.display(folder), 1, 1))
        return tuple(sections)

    def section(self, value: object, where: Where) -> Section | None:
        r = Record(
            value,
            where,
            "a section",
            self.p,
            required=("id", "title", "summary", "blocks"),
            optional=("attribution", "notes"),
        )
        if not r.ok:
            return None
        section_id = r.ident("id")
        blocks = []
        for n, (item, item_where) in enumerate(r.items("blocks"), start=1):
            block = self.block(item, item_where, f"{section_id}-{n}")
            if block is not None:
                blocks.append(block)
        if r.has("blocks") and not blocks and not self.p.errors:
            self.p.error(r.place("blocks"), "a section needs at least one block")
        self.unique([b.id for b in blocks], "block", r.place("blocks"))
        notes = []
        for item, item_where in r.items("notes"):
            n = Record(item, item_where, "a note", self.p, required=("id", "text"))
            note = Note(n.ident("id"), n.inline("text", cites=True, notes=False))
            for part in note.text:
                if isinstance(part, Cite):
                    self.refs.append(("source", part.source_id, n.place("text")))
            notes.append(note)
        # every marker in this section must have its note, and every note one marker
        markers = Counter(
            part.note_id
            for b in blocks
            for text in block_texts(b)
            for part in text
            if isinstance(part, NoteRef)
        )
        note_ids = {n.id for n in notes}
        for note_id, count in markers.items():
            if count > 1:
                self.p.error(r.place("blocks"), f"note {note_id!r} is marked {count} times; mark it once")
            if note_id not in note_ids:
                self.refs.append(("note", note_id, r.place("blocks")))
        for note in notes:
            if note.id not in markers:
                self.p.error(r.place("notes"), f"note {note.id!r} has no marker [^{note.id}] in this section")
        return Section(
            id=section_id,
            title=r.text("title"),
            summary=r.text("summary"),
            blocks=tuple(blocks),
            notes=tuple(notes),
            attribution=r.text("attribution"),
        )

    def block(self, value: object, where: Where, default_id: str) -> Block | None:
        if not isinstance(value, LDict):
            self.p.error(where, f"a block must be a mapping with one of: {', '.join(BLOCK_KINDS)}")
            return None
        kinds = [k for k in value if k in BLOCK_KINDS]
        if len(kinds) != 1:
            found = ", ".join(kinds) if kinds else "none"
            self.p.error(where, f"a block needs exactly one of {', '.join(BLOCK_KINDS)} (found: {found})")
            return None
        kind = kinds[0]
        r = Record(value, where, f"a {kind} block", self.p, required=(kind,), optional=TAG_KEYS)
        block_id = r.ident("id") or default_id
        tags = BlockTags(
            countries=self.country_refs(r, "countries", defined=False),
            only_for_countries=self.country_refs(r, "only_for_countries", defined=True),
            only_for_audiences=self.id_refs(r, "only_for_audiences", "audience"),
        )
        body, body_where = r.raw(kind), r.place(kind)
        if kind == "paragraph":
            return Paragraph(block_id, r.inline(kind), tags)
        if kind == "pullquote":
            return PullQuote(block_id, r.inline(kind), tags)
        if kind == "definition":
            d = Record(body, body_where, "a definition", self.p, required=("term", "text"))
            return Definition(block_id, d.text("term"), d.inline("text"), tags)
        s = Record(body, body_where, "a sidebar", self.p, required=("title", "paragraphs"))
        paragraphs = tuple(
            read_inline(item, item_where, "a sidebar paragraph", self.p)
            for item, item_where in s.items("paragraphs")
        )
        if s.has("paragraphs") and not paragraphs:
            self.p.error(s.place("paragraphs"), "a sidebar needs at least one paragraph")
        return Sidebar(block_id, s.text("title"), paragraphs, tags)

    def country_refs(self, r: Record, key: str, defined: bool) -> tuple[str, ...]:
        """Country codes; `defined` ones must also have an entry in countries.yaml."""
        codes = r.strings(key)
        for code in codes:
            if code not in ALPHA2:
                self.p.error(r.place(key), f"{code!r} is not an ISO 3166 alpha-2 country code like 'FI'")
            elif defined:
                self.refs.append(("country", code, r.place(key)))
        return codes

    def id_refs(self, r: Record, key: str, kind: str) -> tuple[str, ...]:
        ids = r.strings(key)
        for ident in ids:
            self.refs.append((kind, ident, r.place(key)))
        return ids

    # -- sources ----------------------------------------------------------------

    def load_sources(self, folder: Path) -> tuple[Source, ...]:
        files = sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]) if folder.is_dir() else []
        sources: list[Source] = []
        places: dict[str, Where] = {}
        for path in files:
            r, items = self.top(path, "sources", kinds=("source",))
            if r is None:
                continue
            for item, where in r.items("sources"):
                s = Record(
                    item,
                    where,
                    "a source",
                    self.p,
                    required=("id",),
                    optional=("author", "title", "container", "publisher", "date", "url", "accessed", "short"),
                )
                if not s.ok:
                    continue
                source = Source(
                    id=s.ident("id"),
                    title=s.text("title"),
                    author=s.text("author"),
                    container=s.text("container"),
                    publisher=s.text("publisher"),
                    date=s.text("date"),
                    url=s.text("url"),
                    accessed=s.text("accessed"),
                    short=s.inline("short", notes=False),
                )
                if not source.title and not source.url:
                    self.p.error(s.where, f"source {source.id!r} needs a 'title' or a 'url'")
                if source.id in places:
                    self.p.error(s.place("id"), f"duplicate source id {source.id!r} (first at {places[source.id]})")
                    continue
                places[source.id] = s.place("id")
                sources.append(source)
        self.source_places = places
        return tuple(sources)

    # -- audiences --------------------------------------------------------------

    def load_audiences(self, path: Path) -> tuple[Audience, ...]:
        if not path.is_file():
            return ()
        r, _ = self.top(path, "audiences", kinds=("audience",))
        if r is None:
            return ()
        audiences = []
        for item, where in r.items("audiences"):
            a = Record(
                item,
                where,
                "an audience",
                self.p,
                required=("id", "name", "key_messages"),
                optional=("needs", "introduction", "asks", "section_order"),
            )
            if not a.ok:
                continue
            messages = []
            for m_item, m_where in a.items("key_messages"):
                m = Record(m_item, m_where, "a key message", self.p, required=("text", "basis"))
                text = m.inline("text")
                self.note_refs_of(text, m.place("text"))
                messages.append(KeyMessage(text, self.id_refs(m, "basis", "section")))
            if a.has("key_messages") and not messages:
                self.p.error(a.place("key_messages"), "an audience needs at least one key message")
            asks = None
            if a.has("asks"):
                k = Record(a.raw("asks"), a.place("asks"), "asks", self.p, required=("title", "items"))
                items = []
                for i_item, i_where in k.items("items"):
                    text = read_inline(i_item, i_where, "an ask", self.p)
                    self.note_refs_of(text, i_where)
                    items.append(text)
                asks = Asks(k.text("title"), tuple(items))
            intro = a.inline("introduction")
            self.note_refs_of(intro, a.place("introduction"))
            audiences.append(
                Audience(
                    id=a.ident("id"),
                    name=a.text("name"),
                    needs=a.text("needs"),
                    introduction=intro,
                    key_messages=tuple(messages),
                    asks=asks,
                    section_order=self.id_refs(a, "section_order", "section"),
                )
            )
        self.unique([a.id for a in audiences], "audience", r.place("audiences"))
        return tuple(audiences)

    def note_refs_of(self, text: Text, where: Where) -> None:
        for part in text:
            if isinstance(part, NoteRef):
                self.refs.append(("note", part.note_id, where))

    # -- countries ----------------------------------------------------------------

    def load_countries(self, path: Path) -> tuple[Country, ...]:
        if not path.is_file():
            return ()
        r, _ = self.top(path, "countries", kinds=("country",))
        if r is None:
            return ()
        countries = []
        for item, where in r.items("countries"):
            c = Record(item, where, "a country", self.p, required=("code", "name"), optional=("treaties", "facts"))
            if not c.ok:
                continue
            code = c.ident("code", COUNTRY_RE, "an ISO 3166 alpha-2 code like 'FI'")
            if code and COUNTRY_RE.match(code) and code not in ALPHA2:
                self.p.error(c.place("code"), f"{code!r} is not an ISO 3166 alpha-2 country code")
            statuses = []
            if c.has("treaties"):
                raw = c.raw("treaties")
                keys = tuple(raw) if isinstance(raw, dict) else ()
                t = Record(raw, c.place("treaties"), "treaties", self.p, optional=keys)
                for treaty_id in t.data:
                    self.refs.append(("treaty", treaty_id, t.data.key_where[treaty_id]))
                    s = Record(
                        t.data[treaty_id],
                        t.data.key_where[treaty_id],
                        f"the {treaty_id} status",
                        self.p,
                        required=("status", "sources"),
                        optional=("how", *TREATY_DATES),
                    )
                    sources = self.id_refs(s, "sources", "source")
                    self.cited.update(sources)
                    statuses.append(
                        TreatyStatus(
                            treaty_id=treaty_id,
                            status=s.text("status"),
                            sources=sources,
                            how=s.text("how"),
                            **{key: s.date(key) for key in TREATY_DATES},
                        )
                    )
            facts = []
            for f_item, f_where in c.items("facts"):
                f = Record(f_item, f_where, "a fact", self.p, required=("text", "source"))
                source_id = f.ident("source")
                self.refs.append(("source", source_id, f.place("source")))
                facts.append(CountryFact(f.inline("text", notes=False), source_id))
            countries.append(Country(code, c.text("name"), tuple(statuses), tuple(facts)))
        self.unique([c.code for c in countries], "country", r.place("countries"))
        return tuple(countries)

    # -- cross references ---------------------------------------------------------

    def unique(self, ids: list[str], kind: str, where: Where) -> None:
        for ident, count in Counter(ids).items():
            if ident and count > 1:
                self.p.error(where, f"duplicate {kind} id {ident!r} ({count} times)")

    def check_references(self, report: Report) -> None:
        labels = {"note": "notes", "source": "sources", "section": "sections",
                  "audience": "audiences", "country": "countries", "treaty": "treaties"}
        for kind, ident, where in self.refs:
            if kind == "source":
                self.cited.add(ident)
            if ident and kind not in self.broken and not report.has(kind, ident):
                known = sorted(report._index[kind])
                hint = ", ".join(known[:12]) + (" …" if len(known) > 12 else "")
                if kind == "country" and not known:
                    self.p.error(where, f"unknown country {ident!r}: countries.yaml defines no countries")
                    continue
                self.p.error(where, f"unknown {kind} {ident!r} (known {labels[kind]}: {hint or 'none'})")
        places = getattr(self, "source_places", {})
        for source in report.sources if not self.broken else ():
            if source.id not in self.cited:
                self.p.warn(places.get(source.id, Where("sources", 1, 1)), f"source {source.id!r} is never cited")


def problem_summary(problems: list[Problem]) -> str:
    return "\n".join(str(p) for p in problems)


__all__ = ["ContentError", "Problem", "check_report", "default_content_dir", "load_report"]
