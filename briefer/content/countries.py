"""Read countries.yaml: the countries a brief can focus on, their status under each instrument
report.yaml declares, and their facts.

Imports the content model and the reading helpers; no Qt, no ReportLab.
"""

from __future__ import annotations

import os
from pathlib import Path

from briefer.content.fields import COUNTRY_RE, Record
from briefer.content.iso3166 import ALPHA2
from briefer.content.model import Country, CountryFact, StatusScheme
from briefer.content.reading import Reading
from briefer.content.status import read_country_statuses
from briefer.content.texts import read_name


def read_countries(reading: Reading, path: Path, scheme: StatusScheme) -> tuple[Country, ...]:
    if not os.path.lexists(path):  # a pipe or a folder of this name is refused when read, not skipped
        return ()
    r, _ = reading.top(path, "countries", kinds=("country",))
    if r is None:
        return ()
    status_key = "status" if reading.fmt >= 2 else "treaties"
    countries = []
    for item, where in r.items("countries"):
        c = Record(item, where, "a country", reading.p, required=("code", "name"), optional=(status_key, "facts"))
        if not c.ok:
            continue
        code = c.ident("code", COUNTRY_RE, "an ISO 3166 alpha-2 code like 'FI'")
        if code and COUNTRY_RE.match(code) and code not in ALPHA2:
            reading.p.error(c.place("code"), f"{code!r} is not an ISO 3166 alpha-2 country code")
        statuses = read_country_statuses(reading, c, status_key, scheme)
        facts = []
        for f_item, f_where in c.items("facts"):
            f = Record(f_item, f_where, "a fact", reading.p, required=("text", "source"))
            source_id = f.ident("source")
            reading.ref("source", source_id, f.place("source"))
            facts.append(CountryFact(f.inline("text", notes=False), source_id))
        if reading.define("country", code, c.place("code")):
            countries.append(Country(code, read_name(c, "name", reading.fmt), statuses, tuple(facts)))
    return tuple(countries)
