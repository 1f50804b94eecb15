"""A house style: how an audience's Word and PDF files look, as data.

A pack's ``house_style`` (``templates/<pack>/pack.yaml``) sets these values for
every language (``"*"``) and per language (``ko``, ``en``); a brief can change
any of them under ``brief.settings.pack.house_style`` without copying the pack.
The Word writer builds its reference document from the resolved style, so a
style is never code. docs/house-style.md explains each value and its source.
"""

from __future__ import annotations

from typing import Any, Literal, Union

import msgspec
from msgspec import UNSET, Struct, UnsetType, field

Alignment = Literal["left", "center", "right", "justify"]
QuoteLook = Literal["indent", "box"]
TitleLook = Literal["plain", "ruled", "boxed"]
PageSize = Literal["A4", "letter"]
# Width and height in millimetres, what every writer lays the page out from
PAGE_SIZES_MM: dict[str, tuple[float, float]] = {"A4": (210.0, 297.0), "letter": (215.9, 279.4)}


class Margins(Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """Page margins and header/footer distance, in millimetres."""

    top: float = 25
    bottom: float = 25
    left: float = 25
    right: float = 25
    header: float = 12.5
    footer: float = 12.5


class HouseStyle(Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """Every value the reference document is built from. Sizes in points, lengths in millimetres."""

    font: str = "Calibri"  # Latin text
    east_asian_font: str | None = None  # Hangul and other CJK text; None: the locale's
    heading_font: str | None = None  # Latin text of title and headings; None: font
    heading_east_asian_font: str | None = None  # CJK text of title and headings; None: east_asian_font
    # A font a reader may lack -> the free font named beside it in the font table (w:altName)
    font_fallbacks: dict[str, str] = {}
    size: float = 11
    line_spacing: float = 1.15  # a multiple of single spacing
    space_after: float = 8
    align: Alignment = "left"
    colour: str | None = "1F3864"  # title and headings; None: black (UN documents use no colour)
    title: TitleLook = "ruled"  # a rule under the title, a box round it, or neither
    title_size: float = 20
    title_align: Alignment = "left"
    cover_align: Alignment = "left"  # the lines of the title block (subtitle, organisation, date)
    cover_size: float | None = None  # None: size
    cover_rule: bool = False  # a rule under the title block, closing the cover
    heading_sizes: tuple[float, ...] = (14, 12, 11)  # Heading 1, 2, 3 (4-6 take the last)
    heading_space_before: float = 12
    footnote_size: float = 9
    footnote_align: Alignment = "left"
    table_size: float = 9
    header_shading: str | None = "D9E2F3"  # header row fill; None: no fill
    # a table too wide to be read upright (the evidence annex) gets landscape pages of its own
    wide_tables: Literal["landscape", "portrait"] = "landscape"
    quote: QuoteLook = "indent"  # a block quote indented, or in a bordered box (a 요약 box)
    bullets: tuple[str, ...] = ("\u2022", "\u25e6", "\u25aa")  # the marker of each list level
    list_step: float = 6.35  # how far each list level starts right of its parent
    list_hanging: float = 6.35  # the marker's width: wrapped lines align under the text
    list_space_before: tuple[float, ...] = (0,)  # above an item, per level (the last repeats)
    page_size: PageSize = "A4"
    margins: Margins = field(default_factory=Margins)

    @property
    def page_mm(self) -> tuple[float, float]:
        """The page's width and height in millimetres (ISO 216 A4; US letter is 8.5 × 11 in)."""
        return PAGE_SIZES_MM[self.page_size]

    def heading_size(self, level: int) -> float:
        """The size of Heading `level` (1-based); deeper levels take the last size given."""
        return self.heading_sizes[min(level, len(self.heading_sizes)) - 1]

    def space_before_item(self, level: int) -> float:
        return self.list_space_before[min(level, len(self.list_space_before) - 1)]


def _layer_of(model: type[Struct], name: str, nested: dict[str, Any]) -> Any:
    """``model`` with every value optional and UNSET until written: a layer holds only what it sets."""
    return msgspec.defstruct(
        name, [(info.name, Union[nested.get(info.name, info.type), UnsetType], UNSET)  # noqa: UP007 (a runtime type)
               for info in msgspec.structs.fields(model)],
        frozen=True, forbid_unknown_fields=True, kw_only=True, module=__name__)


MarginsLayer = _layer_of(Margins, "MarginsLayer", {})
HouseStyleLayer = _layer_of(HouseStyle, "HouseStyleLayer", {"margins": MarginsLayer})
"""The values one pack or brief writes for a language (``house_style: {ko: {...}}``), over the layers below."""


def written_values(layer: Any) -> dict[str, Any]:
    """Only the values a layer wrote: its part in a merge."""
    return msgspec.to_builtins(layer) if isinstance(layer, HouseStyleLayer) else dict(layer or {})


def merge_layers(base: dict[str, Any], update: dict[str, Any]) -> dict[str, Any]:
    """Layers of `update` over `base`, value by value (margins side by side)."""
    merged = dict(base)
    for key, layer in update.items():
        layer = written_values(layer)
        old = written_values(merged.get(key))
        if isinstance(old.get("margins"), dict) and isinstance(layer.get("margins"), dict):
            layer["margins"] = {**old["margins"], **layer["margins"]}
        merged[key] = old | layer
    return merged


def resolve_house_style(layers: dict[str, Any], language: str) -> HouseStyle:
    """The style for `language`: defaults, then the ``"*"`` values, then the language's own."""
    merged = merge_layers({}, {"style": layers["*"]} if "*" in layers else {})
    if language in layers:
        merged = merge_layers(merged, {"style": layers[language]})
    return msgspec.convert(merged.get("style", {}), HouseStyle)
