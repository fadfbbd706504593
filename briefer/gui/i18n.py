"""The app's own words, marked for translation: `_("text")`, `ngettext(one, many, n)` for counts,
and `N_("text")` for a constant translated where it is shown (`_(CONSTANT)`).

One gettext domain, `app`, beside the brief's words in briefer/locale (`./run catalogues`
extracts app.pot from these calls). The interface language follows the system (LANGUAGE,
LC_ALL, LC_MESSAGES, LANG); with no catalogue for it the app speaks English, as today. The words
printed in a brief are not these: they follow the brief's language (briefer.tailor.wording).
"""

from __future__ import annotations

import gettext

from briefer.tailor.catalogue import LOCALE_DIR

_catalogue = gettext.translation("app", LOCALE_DIR, fallback=True)

_ = _catalogue.gettext
ngettext = _catalogue.ngettext


def N_(message: str) -> str:  # noqa: N802 (the name extraction tools look for)
    """Marks a constant for extraction; translate it with _() where it is shown."""
    return message
