"""Renderers: a Brief to PDF (pdf.py) or Markdown (markdown.py). Never imports Qt."""
