"""Translating a report: its translations' status, and the round trip through a translator's
XLIFF file. Imports content (and output, to write translation files); never Qt or ReportLab."""
