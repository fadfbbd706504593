"""Read audiences.yaml: the readers a brief can be tailored for, their key messages and asks.

Imports the content model and the reading helpers; no Qt, no ReportLab.
"""

from __future__ import annotations

import os
from pathlib import Path

from briefer.content.fields import Record, read_inline
from briefer.content.model import Asks, Audience, KeyMessage
from briefer.content.reading import Reading
from briefer.content.texts import read_name


def read_audiences(reading: Reading, path: Path) -> tuple[Audience, ...]:
    if not os.path.lexists(path):  # a pipe or a folder of this name is refused when read, not skipped
        return ()
    r, _ = reading.top(path, "audiences", kinds=("audience",))
    if r is None:
        return ()
    audiences = []
    for item, where in r.items("audiences"):
        a = Record(
            item,
            where,
            "an audience",
            reading.p,
            required=("id", "name", "key_messages"),
            optional=("needs", "introduction", "asks", "section_order"),
        )
        if not a.ok:
            continue
        messages = []
        for m_item, m_where in a.items("key_messages"):
            m = Record(m_item, m_where, "a key message", reading.p, required=("text", "basis"))
            text = m.inline("text")
            reading.note_refs_of(text, m.place("text"))
            messages.append(KeyMessage(text, reading.id_refs(m, "basis", "section")))
        if a.has("key_messages") and not messages:
            reading.p.error(a.place("key_messages"), "an audience needs at least one key message")
        asks = None
        if a.has("asks"):
            k = Record(a.raw("asks"), a.place("asks"), "asks", reading.p, required=("title", "items"))
            items = []
            for i_item, i_where in k.items("items"):
                text = read_inline(i_item, i_where, "an ask", reading.p)
                reading.note_refs_of(text, i_where)
                items.append(text)
            asks = Asks(read_name(k, "title", reading.fmt), tuple(items))
        intro = a.inline("introduction")
        reading.note_refs_of(intro, a.place("introduction"))
        audience_id = a.ident("id")
        if not reading.define("audience", audience_id, a.place("id")):
            continue
        audiences.append(
            Audience(
                id=audience_id,
                name=read_name(a, "name", reading.fmt),
                needs=read_name(a, "needs", reading.fmt),
                introduction=intro,
                key_messages=tuple(messages),
                asks=asks,
                section_order=reading.id_refs(a, "section_order", "section"),
            )
        )
    return tuple(audiences)
