"""The command line's own error: bad usage, printed as a message with exit code 2."""

from __future__ import annotations


class UsageError(Exception):
    """Bad input from the user: printed as a message, exit code 2."""
