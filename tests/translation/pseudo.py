"""A translator stand-in: fills every target of an exported XLIFF file with a pseudo-translation.

Pseudo-localisation keeps every code where it stands and turns each letter into an accented
one (a -> á), so no English word survives and a test can see what was translated.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from lxml import etree

NS = "urn:oasis:names:tc:xliff:document:2.0"
ACCENTED = str.maketrans("aeiouycnszAEIOUYCNSZ", "áéíóúýčňšžÁÉÍÓÚÝČŇŠŽ")


def pseudo(text: str) -> str:
    return text.translate(ACCENTED)


def translate_all(
    data: bytes, change: Callable[[str], str] = pseudo, edit: Callable[[str, etree._Element], None] | None = None
) -> bytes:
    """Every segment's source, its text changed, as its target; marked translated. `edit` may
    then change the target of a unit (by its id) as a careless translator would."""
    tree = etree.fromstring(data)
    for unit in tree.iter(f"{{{NS}}}unit"):
        segment = unit.find(f"{{{NS}}}segment")
        assert segment is not None
        for old in segment.findall(f"{{{NS}}}target"):
            segment.remove(old)
        target = copy.deepcopy(segment.find(f"{{{NS}}}source"))
        assert target is not None
        target.tag = f"{{{NS}}}target"
        target.text = change(target.text or "")
        for child in target.iter():
            if child is not target:
                child.tail = change(child.tail or "")
        segment.append(target)
        segment.set("state", "translated")
        if edit is not None:
            edit(unit.get("id", ""), target)
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
