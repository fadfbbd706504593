"""Tailoring: content + recipe -> a finished brief model. Pure functions; imports the content model only."""
