"""Join copies into one print file in which every copy starts on a right-hand page.

A blank page follows any copy with an odd number of pages, so duplex printing never puts the
start of one copy on the back of another. Each copy gets a bookmark, with its own bookmarks
nested under it. A copy is either a whole PDF, or a recipient's parts to put on a recipe's
template (batch/copies.py): then every copy of that template shares its pages' content, fonts
and images in the file, and brings only its own cover, footers and their fonts. The joined file
is for printing: it has no structure tree. Imports pikepdf (qpdf), and only when joining.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from briefer.batch.swap import retag_fonts, subset_tag, swap_in

OutlineSpec = list[tuple[str, "int | None", "OutlineSpec"]]  # (title, 0-based page, children)
_Link = tuple[Any, "int | None", list[Any]]  # an annotation, the page it links to, the rest of its destination


def combine_copies(copies: Sequence[tuple[str, bytes]], *, pad: bool = True) -> bytes:
    """One PDF of (bookmark label, PDF) copies, in order, each starting on an odd page.

    pad=False joins them without blank pages, for one-sided printing.
    """
    if not copies:
        raise ValueError("no copies to combine")
    joiner = Joiner(pad=pad)
    for label, data in copies:
        joiner.add(label, data)
    return joiner.finish()


@dataclass
class _Shared:
    """A template's pages, copied into the joined file once, and what each copy repeats."""

    pages: list[Any]  # page dictionaries, never in the page tree themselves
    index: dict[tuple[int, int], int]  # page dictionary -> its 0-based page
    links: list[list[_Link]]  # each page's link annotations
    outline: OutlineSpec
    info: Any


class Joiner:
    """Builds the joined file copy by copy; finish() writes it."""

    def __init__(self, *, pad: bool = True) -> None:
        import pikepdf

        self.pdf = pikepdf.new()
        self.pad = pad
        self._outline: list[tuple[str, int, OutlineSpec]] = []
        self._shared: dict[bytes, _Shared] = {}
        self._info: Any = None
        self.copies = 0
        self._tags = 0  # font subset tags given out: every PDF joined brings its own subsets

    def add(self, label: str, data: bytes) -> None:
        """A whole copy."""
        import pikepdf

        copy = pikepdf.open(io.BytesIO(data))
        start = self._start()
        with copy.open_outline() as theirs:
            self._outline.append((label, start, _spec(copy, theirs.root)))
        self.pdf.pages.extend(copy.pages)
        added = [page.obj for page in self.pdf.pages[start:]]
        retag_fonts([page.Resources for page in added if "/Resources" in page], self._tag())
        self._keep_info(copy.docinfo)
        self.copies += 1

    def add_personal(self, label: str, template: bytes, parts: bytes) -> bool:
        """A recipient's copy: `parts` (render_personal_parts) on `template` (a Template's PDF),
        parts CopyMaker.parts found to fit it. False, adding nothing, when they are not a cover
        page and a furniture page."""
        import pikepdf

        shared = self._template(template)
        mine = pikepdf.open(io.BytesIO(parts))
        # CopyMaker.parts sent only parts whose cover fits (cover_shape); this only guards the count
        if len(mine.pages) != 2:
            return False
        start = self._start()
        pages = [self._clone(page) for page in shared.pages]
        for page, links in zip(pages, shared.links, strict=True):
            if links:
                page.Annots = self._relinked(links, pages)
            self.pdf.pages.append(pikepdf.Page(page))
        swap_in(self.pdf, pages, mine, self._tags)
        self._tags += 1
        self._outline.append((label, start, shared.outline))
        self._keep_info(shared.info)
        self.copies += 1
        return True

    def finish(self) -> bytes:
        import pikepdf

        with self.pdf.open_outline() as outline:
            for label, start, spec in self._outline:
                item = pikepdf.OutlineItem(label, start)
                item.children.extend(_items(spec, start))
                outline.root.append(item)
        for key, value in (self._info or {}).items():
            if isinstance(value, pikepdf.String) and key != "/Subject":
                self.pdf.docinfo[key] = value
        self.pdf.Root.PageMode = pikepdf.Name.UseOutlines
        out = io.BytesIO()
        # streams as they come, already compressed: qpdf's compressing them again (to the same
        # size within 0.1 %) was four fifths of the time
        self.pdf.save(out, stream_decode_level=pikepdf.StreamDecodeLevel.none, compress_streams=False)
        return out.getvalue()

    def _start(self) -> int:
        """Pad to a right-hand page if asked; the 0-based page the next copy starts on."""
        if self.pad and len(self.pdf.pages) % 2:
            box = [float(v) for v in self.pdf.pages[-1].mediabox]
            self.pdf.add_blank_page(page_size=(box[2] - box[0], box[3] - box[1]))
        return len(self.pdf.pages)

    def _tag(self) -> str:
        self._tags += 1
        return subset_tag(self._tags - 1)

    def _keep_info(self, info: Any) -> None:
        if self._info is None:
            self._info = {key: value for key, value in info.items()}

    def _template(self, template: bytes) -> _Shared:
        import pikepdf

        shared = self._shared.get(template)
        if shared is None:
            source = pikepdf.open(io.BytesIO(template))
            pages = [self.pdf.copy_foreign(page.obj) for page in source.pages]
            with source.open_outline() as theirs:
                outline = _spec(source, theirs.root)
            retag_fonts([page.Resources for page in pages if "/Resources" in page], self._tag())
            index = {page.objgen: n for n, page in enumerate(pages)}
            links = [_links(page, index) for page in pages]
            info = dict(source.docinfo.items())
            shared = self._shared[template] = _Shared(pages, index, links, outline, info)
        return shared

    def _clone(self, page: Any) -> Any:
        """A page dictionary of its own whose resources may change, sharing everything else."""
        import pikepdf

        clone = pikepdf.Dictionary(page)
        if "/Resources" in page:
            resources: Any = pikepdf.Dictionary(page.Resources)
            if "/XObject" in resources:
                resources.XObject = pikepdf.Dictionary(resources.XObject)
            clone.Resources = resources
        return self.pdf.make_indirect(clone)

    def _relinked(self, links: list[_Link], pages: list[Any]) -> Any:
        """A page's link annotations of its own, pointing at this copy's pages."""
        import pikepdf

        annotations = []
        for annotation, target, rest in links:
            own = pikepdf.Dictionary(annotation)
            if target is not None:
                own.Dest = pikepdf.Array([pages[target], *rest])
            annotations.append(self.pdf.make_indirect(own))
        return pikepdf.Array(annotations)


def _links(page: Any, index: dict[tuple[int, int], int]) -> list[_Link]:
    """Each link annotation of a template page, with the 0-based page its destination shows."""
    import pikepdf

    links = []
    for annotation in page.get("/Annots", []):
        destination = annotation.get("/Dest")
        target, rest = None, []
        if isinstance(destination, pikepdf.Array) and len(destination):
            target = index.get(destination[0].objgen)
            rest = list(destination)[1:]
        links.append((annotation, target, rest))
    return links


def _spec(copy: Any, items: Iterable[Any]) -> OutlineSpec:
    """A copy's bookmarks (and theirs, nested), by their 0-based page in the copy."""
    return [(item.title, _page_index(copy, item.destination), _spec(copy, item.children)) for item in items]


def _items(spec: OutlineSpec, start: int) -> list[Any]:
    import pikepdf

    items = []
    for title, page, children in spec:
        item = pikepdf.OutlineItem(title, start + page if page is not None else None)
        item.children.extend(_items(children, start))
        items.append(item)
    return items


def _page_index(copy: Any, destination: Any) -> int | None:
    """The 0-based page a destination shows: an explicit [page /XYZ …] or a named destination."""
    import pikepdf

    if isinstance(destination, (pikepdf.String, pikepdf.Name, str)):
        names = copy.Root.get("/Names")
        if names is None or "/Dests" not in names:
            return None
        found = pikepdf.NameTree(names.Dests).get(str(destination))
        destination = found.get("/D") if isinstance(found, pikepdf.Dictionary) else found
    if isinstance(destination, pikepdf.Array) and len(destination) and isinstance(destination[0], pikepdf.Dictionary):
        index: int = copy.pages.index(pikepdf.Page(destination[0]))
        return index
    return None


def copy_starts(page_counts: Sequence[int]) -> list[int]:
    """The 1-based first page of each copy in the combined file (always odd)."""
    starts, page = [], 1
    for count in page_counts:
        starts.append(page)
        page += count + (count % 2)
    return starts
