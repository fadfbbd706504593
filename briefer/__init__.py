"""briefer: tailored, footnoted briefing packs from a report kept as structured content."""

__version__ = "0.1.0"
