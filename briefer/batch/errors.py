"""The one error type of batch runs: bad batch input or a build that could not finish.

Subclasses OutputError so `briefer.cli.main` prints its message and exits with code 2.
"""

from __future__ import annotations

from briefer.output import OutputError


class BatchError(OutputError):
    """A batch that cannot be built as asked; the message says what to change."""
