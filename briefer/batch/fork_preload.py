"""Imported by the batch's fork server before it forks any worker (importing is the only way to
run code there): the renderers, pikepdf and the registered fonts (about 12 MB of files and parsed
tables) are then the server's, and every worker shares its pages instead of reading a copy of its
own. Whatever goes wrong here (fonts missing from a broken install) is left for each worker's own
warm_up to report: an error in the fork server would take it down with no message."""

import contextlib

from briefer.batch.worker import warm_up

with contextlib.suppress(Exception):
    warm_up()
