"""Problems as the app lists them: errors first, then warnings, each as 'file:line:col: message'."""

from __future__ import annotations

from briefer.content.problems import Problem


def problem_lines(problems: list[Problem]) -> list[str]:
    """Errors first, then warnings, each as 'file:line:col: message'."""
    return [str(p) for p in problems if not p.warning] + [str(p) for p in problems if p.warning]
