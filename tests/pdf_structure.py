"""A tagged PDF read as a screen reader and a person would: its structure tree (pikepdf), each
element's text, language and page, and each text's position on its page (pypdf), to check what
tests/test_documents_tagged.py asks of every document."""
from __future__ import annotations

import io
from dataclasses import dataclass, field

import pikepdf
from pypdf import PdfReader


@dataclass
class Run:
    """One piece of marked text: where a page draws it (PDF points, y from the bottom)."""
    text: str
    page: int
    x: float
    y: float


@dataclass
class Element:
    tag: str  # "H2", "TR", "TH", "Span"…
    lang: str  # its own /Lang, or its nearest ancestor's, or the document's
    own_lang: str | None
    page: int
    attributes: dict
    # Its kids in reading order: marked text (runs) and elements.
    kids: list[Run | Element] = field(default_factory=list)

    @property
    def children(self) -> list[Element]:
        return [kid for kid in self.kids if isinstance(kid, Element)]

    def all_runs(self) -> list[Run]:
        return [run for kid in self.kids for run in ([kid] if isinstance(kid, Run) else kid.all_runs())]

    def text(self) -> str:
        """Its words, a space where a line ends (each run on a new line starts a word)."""
        joined, previous = "", None
        for run in self.all_runs():
            joined += (" " if previous is not None and (run.page, round(run.y)) != previous else "") + run.text
            previous = (run.page, round(run.y))
        return " ".join(joined.split())

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class TaggedPdf:
    lang: str | None
    title: str | None
    xmp: dict
    marked: bool
    display_title: bool
    root: Element
    untagged: list[Run]  # text drawn outside any marked content with an MCID
    orphans: list[Run]  # marked text no structure element reaches

    def elements(self, tag: str) -> list[Element]:
        return [e for e in self.root.walk() if e.tag == tag]


def _marked_runs(data: bytes) -> tuple[dict[tuple[int, int], list[Run]], list[Run]]:
    """The text of each (page, MCID), with its position, and the text outside any MCID."""
    by_mcid: dict[tuple[int, int], list[Run]] = {}
    untagged: list[Run] = []
    for number, page in enumerate(PdfReader(io.BytesIO(data)).pages):
        stack: list[int | None] = []

        def before(operator, operands, cm, tm, stack=stack):
            if operator == b"BDC":
                properties = operands[1] if len(operands) > 1 else {}
                stack.append(properties.get("/MCID") if hasattr(properties, "get") else None)
            elif operator == b"BMC":
                stack.append(None)
            elif operator == b"EMC" and stack:
                stack.pop()

        def text(content, cm, tm, font, size, stack=stack, number=number):
            if not content.strip():
                return
            x, y = tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]
            run = Run(content, number, x, y)
            mcid = next((m for m in reversed(stack) if m is not None), None)
            (untagged if mcid is None else by_mcid.setdefault((number, int(mcid)), [])).append(run)

        page.extract_text(visitor_operand_before=before, visitor_text=text)
    return by_mcid, untagged


def read(data: bytes) -> TaggedPdf:
    pdf = pikepdf.open(io.BytesIO(data))
    pages = {page.obj.objgen: number for number, page in enumerate(pdf.pages)}
    by_mcid, untagged = _marked_runs(data)
    reached: set[tuple[int, int]] = set()
    document_lang = str(pdf.Root.Lang) if "/Lang" in pdf.Root else None

    def element(node, lang, page) -> Element:
        own = str(node.Lang) if "/Lang" in node else None
        page = pages.get(node.Pg.objgen, page) if "/Pg" in node else page
        attributes = node.get("/A")
        built = Element(str(node.get("/S", "/?"))[1:], own or lang, own, page,
                        dict(attributes.items()) if isinstance(attributes, pikepdf.Dictionary) else {})
        if "/ID" in node:
            built.attributes["ID"] = str(node.ID)
        kids = node.get("/K")
        for kid in ([] if kids is None else list(kids) if isinstance(kids, pikepdf.Array) else [kids]):
            if isinstance(kid, int):
                reached.add((page, kid))
                built.kids += by_mcid.get((page, kid), [])
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
                built.kids.append(element(kid, own or lang, page))
        return built

    tree = pdf.Root.StructTreeRoot if "/StructTreeRoot" in pdf.Root else None
    root = Element("Root", document_lang or "", None, 0, {})
    if tree is not None:
        kids = tree.K
        for kid in list(kids) if isinstance(kids, pikepdf.Array) else [kids]:
            root.kids.append(element(kid, document_lang or "", 0))
    with pdf.open_metadata() as meta:
        xmp = {key: meta[key] for key in meta}
    info = pdf.docinfo
    preferences = pdf.Root.get("/ViewerPreferences", {})
    mark_info = pdf.Root.get("/MarkInfo", {})
    return TaggedPdf(
        lang=document_lang,
        title=str(info.Title) if "/Title" in info else None,
        xmp=xmp,
        marked=bool(mark_info.get("/Marked", False)),
        display_title=bool(preferences.get("/DisplayDocTitle", False)),
        root=root,
        untagged=untagged,
        orphans=[run for key, runs in by_mcid.items() if key not in reached for run in runs],
    )
