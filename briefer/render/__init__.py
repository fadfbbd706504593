"""Renderers: a Brief to PDF (pdf.py) or Markdown (markdown.py). Never imports Qt."""

from briefer.render.lazy_patterns import import_paragraph
from briefer.render.number_format import remember_number_formats

import_paragraph()
import reportlab.pdfgen.canvas  # noqa: E402, F401  (the modules whose fp_str is replaced, imported first)
import reportlab.platypus.tables  # noqa: E402, F401

remember_number_formats()
