"""ReportLab starts our way only when a renderer needs it: its URL pattern compiles at first use and
matches exactly as the compiled one; a Markdown brief imports no ReportLab."""

from __future__ import annotations

import re
import subprocess
import sys

import reportlab.platypus.paragraph as paragraph

import briefer.render  # noqa: F401  (imports ReportLab's paragraph module its way)
from briefer.render.lazy_patterns import LazyPattern

SAMPLES = [
    "https://www.icrc.org/en/document/anti-personnel-mines",
    "HTTP://EXAMPLE.ORG",
    "mailto:someone@example.org",
    "ftp://user:pass@192.168.0.1:21/x",
    "https://bücher.example/straße?q=1#a",
    "http://[::1]:8080/",
    "http://localhost",
    "#note-12",
    "part-introduction",
    "https://-bad-.example",
    "",
]


def test_the_url_pattern_matches_as_reportlabs_own_compiled_pattern():
    pattern = paragraph.uri_pat
    compiled = re.compile(pattern._source[0], pattern._source[1]) if isinstance(pattern, LazyPattern) else pattern
    for sample in SAMPLES:
        ours, theirs = pattern.match(sample), compiled.match(sample)
        assert (ours and ours.groups()) == (theirs and theirs.groups()), sample


def test_a_markdown_brief_imports_no_reportlab(tmp_path):
    code = (
        "import sys; from briefer.cli.main import main; "
        f"main(['build', '--sections', 'introduction', '-o', {str(tmp_path / 'b.md')!r}]); "
        "print(sorted(m for m in sys.modules if m.startswith('reportlab')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[-1] == "[]"
    assert (tmp_path / "b.md").read_text(encoding="utf-8").startswith("# ")


def test_in_a_fresh_process_the_pattern_waits_and_re_compile_is_itself_again():
    code = (
        "import re; real = re.compile; import briefer.render.pdf; "
        "import reportlab.platypus.paragraph as p; "
        "print(type(p.uri_pat).__name__, p.uri_pat._compiled is None, re.compile is real)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["LazyPattern", "True", "True"]
