"""Read countries.yaml: the countries a brief can focus on, their treaty status and facts.

Imports the content model and the reading helpers; no Qt, no ReportLab.
"""

from __future__ import annotations

import os
from pathlib import Path

from briefer.content.fields import COUNTRY_RE, Record
from briefer.content.iso3166 import ALPHA2
from briefer.content.model import Country, CountryFact, TreatyStatus
from briefer.content.reading import Reading

TREATY_DATES = ("joined", "in_force", "withdrawal_deposited", "withdrawal_effective")


def read_countries(reading: Reading, path: Path) -> tuple[Country, ...]:
    if not os.path.lexists(path):  # a pipe or a folder of this name is refused when read, not skipped
        return ()
    r, _ = reading.top(path, "countries", kinds=("country",))
    if r is None:
        return ()
    countries = []
    for item, where in r.items("countries"):
        c = Record(item, where, "a country", reading.p, required=("code", "name"), optional=("treaties", "facts"))
        if not c.ok:
            continue
        code = c.ident("code", COUNTRY_RE, "an ISO 3166 alpha-2 code like 'FI'")
        if code and COUNTRY_RE.match(code) and code not in ALPHA2:
            reading.p.error(c.place("code"), f"{code!r} is not an ISO 3166 alpha-2 country code")
        statuses = []
        if c.has("treaties"):
            raw = c.raw("treaties")
            keys = tuple(raw) if isinstance(raw, dict) else ()
            t = Record(raw, c.place("treaties"), "treaties", reading.p, optional=keys)
            for treaty_id in t.data:
                reading.ref("treaty", treaty_id, t.data.key_where[treaty_id])
                s = Record(
                    t.data[treaty_id],
                    t.data.key_where[treaty_id],
                    f"the {treaty_id} status",
                    reading.p,
                    required=("status", "sources"),
                    optional=("how", *TREATY_DATES),
                )
                sources = reading.id_refs(s, "sources", "source")
                reading.cited.update(sources)
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
            f = Record(f_item, f_where, "a fact", reading.p, required=("text", "source"))
            source_id = f.ident("source")
            reading.ref("source", source_id, f.place("source"))
            facts.append(CountryFact(f.inline("text", notes=False), source_id))
        countries.append(Country(code, c.text("name"), tuple(statuses), tuple(facts)))
    reading.unique([c.code for c in countries], "country", r.place("countries"))
    return tuple(countries)
