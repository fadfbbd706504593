"""Problems found in content or recipes, each with the place a person can go and fix it."""

from __future__ import annotations

from dataclasses import dataclass

from briefer.content.located import Where


@dataclass(frozen=True, slots=True)
class Problem:
    where: Where
    message: str
    warning: bool = False

    def __str__(self) -> str:
        kind = "warning: " if self.warning else ""
        return f"{self.where}: {kind}{self.message}"


class ContentError(Exception):
    """Content that cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        errors = [p for p in problems if not p.warning]
        shown = "\n".join(str(p) for p in errors[:20])
        more = f"\n… and {len(errors) - 20} more" if len(errors) > 20 else ""
        super().__init__(f"{len(errors)} problem(s) in the content:\n{shown}{more}")


class Problems:
    """Collects problems while a whole folder is checked, so all are reported at once."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def error(self, where: Where, message: str) -> None:
        self.items.append(Problem(where, message))

    def warn(self, where: Where, message: str) -> None:
        self.items.append(Problem(where, message, warning=True))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.warning]
