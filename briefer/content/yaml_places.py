"""Where a YAML syntax error really is: the line of the mistake, not the line YAML gave up on.

YAML reports a problem where it could read no further (`problem_mark`); for an unclosed quote,
bracket or a key without its colon that can be many lines below the mistake, which YAML names in
`context_mark` or which lies at the start of a quoted text that ran on. Pure: imports PyYAML only.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

# contexts whose mark is where the unfinished thing began: the mistake is there
_OPENED = {
    "while scanning a quoted scalar": "the quote opened here is never closed",
    "while scanning a simple key": "a key here has no ':' after it",
    "while parsing a flow sequence": "the '[' opened here is never closed",
    "while parsing a flow mapping": "the '{' opened here is never closed",
}


@dataclass(frozen=True, slots=True)
class Place:
    line: int  # 1-based
    col: int  # 1-based
    message: str


def mistake_place(text: str, error: yaml.MarkedYAMLError) -> Place:
    """The place and words for a syntax error in `text` (what YAML says, and where it noticed)."""
    problem = error.problem or error.context or "invalid YAML"
    mark = error.problem_mark or error.context_mark
    if mark is None:
        return Place(1, 1, f"YAML syntax error: {problem}")
    noticed = mark.line + 1
    context, opened = error.context or "", error.context_mark
    for start, said in _OPENED.items():
        if context.startswith(start) and opened is not None and opened.line < mark.line:
            return Place(opened.line + 1, opened.column + 1, f"YAML syntax error: {said} ({problem} at line {noticed})")
    quoted = _quote_run_on(text, mark.line)
    if quoted is not None:
        line, col = quoted
        said = f"the quoted text that starts here runs on to line {noticed}: is its closing quote missing?"
        return Place(line, col, f"YAML syntax error: {said} ({problem} at line {noticed})")
    return Place(noticed, mark.column + 1, f"YAML syntax error: {problem}")


def _quote_run_on(text: str, problem_line: int) -> tuple[int, int] | None:
    """Where a quoted text began when it spans lines and ends on the problem's line (or the one
    before): the usual sign of a quote left open that swallowed the lines below it."""
    last: tuple[int, int] | None = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.line > problem_line:
                break
            if isinstance(token, yaml.ScalarToken) and token.style in ("'", '"'):
                spans = token.end_mark.line > token.start_mark.line
                near = problem_line - 1 <= token.end_mark.line <= problem_line
                last = (token.start_mark.line + 1, token.start_mark.column + 1) if spans and near else None
    except yaml.YAMLError:
        pass  # the scan stops at the error, after the tokens before it
    return last
