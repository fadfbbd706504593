"""Renderers: a Brief to PDF (pdf.py) or Markdown (markdown.py). Never imports Qt."""

from briefer.render.lazy_patterns import import_paragraph

import_paragraph()
