"""Document-level PDF entries ReportLab has no high-level call for: print preferences and an
embedded file (the recipe), written through ReportLab's own PDF objects so output stays
deterministic. Imports ReportLab only.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFStream,
    PDFStreamFilterZCompress,
    PDFString,
)
from reportlab.pdfgen.canvas import Canvas


def set_print_preferences(canv: Canvas, pages: int) -> None:
    """Print at 100 % (scaling would break the page geometry) and duplex briefs of three or more pages."""
    canv.setViewerPreference("PrintScaling", "None")
    if pages > 2:
        canv.setViewerPreference("Duplex", "DuplexFlipLongEdge")


def name_destinations(canv: Canvas, keys: list[str]) -> None:
    """Make these bookmarks named destinations (the catalog's /Dests), so a link from outside
    can open the brief at a section or sub-heading: brief.pdf#nameddest=heading-findings.
    ReportLab resolves its own links to explicit destinations and names none."""
    found = canv._destinations
    named = {key: found[key] for key in keys if key in found}
    if named:
        canv._doc.Catalog.Dests = PDFDictionary(named)


def embed_file(canv: Canvas, name: str, data: bytes, mime_type: str, description: str) -> None:
    """Attach `data` as a file named `name` (an /EmbeddedFiles name tree in the catalog)."""
    doc = canv._doc
    stream = PDFStream(
        PDFDictionary(
            {
                "Type": PDFName("EmbeddedFile"),
                # a MIME type's "/" must be written #2F inside a PDF name; PDFName leaves it bare
                "Subtype": "/" + mime_type.replace("/", "#2F"),
                "Params": PDFDictionary({"Size": len(data)}),
            }
        ),
        data,
        filters=[PDFStreamFilterZCompress()],
    )
    spec = PDFDictionary(
        {
            "Type": PDFName("Filespec"),
            "F": PDFString(name),
            "UF": PDFString(name),
            "Desc": PDFString(description),
            "EF": PDFDictionary({"F": doc.Reference(stream)}),
            "AFRelationship": PDFName("Source"),
        }
    )
    tree = PDFDictionary({"Names": PDFArray([PDFString(name), doc.Reference(spec)])})
    doc.Catalog.Names = PDFDictionary({"EmbeddedFiles": tree})
