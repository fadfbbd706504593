"""Renderers: a Brief to PDF (pdf.py) or Markdown (markdown.py). Never imports Qt."""

from briefer.render.reportlab_hooks import install

install()
