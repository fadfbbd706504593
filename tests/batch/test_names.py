"""Safe file names: any text gives a short slug of letters and digits that every OS accepts; unique per batch."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from briefer.batch.names import MAX_BYTES, MAX_STEM, NameAllocator, safe_name

# lower-case letters and digits of any script, in words joined by "-": no separator, no dot,
# no control character, nothing Windows refuses
SLUG = re.compile(r"^[^\W_]+(-[^\W_]+)*$")
WINDOWS_RESERVED = {"con", "prn", "aux", "nul"} | {f"{k}{n}" for k in ("com", "lpt") for n in range(10)}


def is_safe(name: str, max_length: int = MAX_STEM) -> bool:
    return (
        bool(SLUG.match(name))
        and name == name.lower()
        and name == unicodedata.normalize("NFC", name)
        and 0 < len(name) <= max_length
        and len(name.encode("utf-8")) <= MAX_BYTES
        and name not in WINDOWS_RESERVED
    )


@given(st.text())
def test_any_text_gives_a_safe_non_empty_name(text):
    assert is_safe(safe_name(text))


@given(st.text(), st.text(), st.integers(min_value=8, max_value=100))
def test_any_fallback_and_length_give_a_safe_name(text, fallback, max_length):
    assert is_safe(safe_name(text, fallback, max_length), max_length)


@given(st.lists(st.text(max_size=30), max_size=30))
def test_allocated_names_are_unique_and_safe(texts):
    names = NameAllocator(max_length=20)
    stems = [names.take(t) for t in texts]
    assert len({s.casefold() for s in stems}) == len(stems)
    assert all(is_safe(s, 20) for s in stems)


def test_readable_names_from_many_scripts():
    assert safe_name("Łucja Wąsowska") == "lucja-wasowska"
    assert safe_name("Олена Коваленко") == "olena-kovalenko"
    assert safe_name("Jürgen O’Neill") == "jurgen-o-neill"
    assert safe_name("Straße „Ørsted“") == "strasse-orsted"
    assert safe_name("Αθήνα") == "athina"


def test_reserved_windows_names_are_changed():
    for name in ("CON", "nul", "Com1", "LPT9", "aux"):
        assert safe_name(name) == f"{name.lower()}-file"


def test_scripts_without_a_transliteration_keep_their_letters():
    assert safe_name("王小明", fallback="recipient-3") == "王小明"
    assert safe_name("김민준 Kim") == "김민준-kim"
    assert safe_name("がっこう") == "がっこう"  # the voicing mark stays: "か" would be another word
    assert len(safe_name("中" * 100).encode("utf-8")) <= MAX_BYTES


def test_text_without_letters_uses_the_fallback():
    assert safe_name("!!!", fallback="recipient-3") == "recipient-3"
    assert safe_name("!!!") == "file"


def test_long_names_are_cut_at_a_word():
    name = safe_name("members of parliament " * 10, max_length=30)
    assert len(name) <= 30 and not name.endswith("-")
    assert name == "members-of-parliament-members"
