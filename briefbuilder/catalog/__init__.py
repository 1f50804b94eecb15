"""The treaty catalog: treaties, States and who is party to what, every fact sourced.

Bundled data (``treaties.yaml``, ``states.yaml``, ``status.yaml``) is
converted from the project's research notes with each fact's confidence and
source kept as given; a user extends it with ``catalog.yaml`` beside a brief.
This package holds the data and its model; :mod:`briefbuilder.load.catalog`
reads it, :mod:`briefbuilder.render.treaty_listing` lists it.
"""

from .model import (
    EXTENSION_FILE,
    Article,
    Catalog,
    Confidence,
    DateFact,
    Fact,
    NumberFact,
    Remark,
    State,
    Status,
    TextFact,
    Treaty,
    TreatyCorrection,
    UntcFact,
    UntsFact,
    normalise_article_ref,
)

__all__ = [
    "EXTENSION_FILE",
    "Article",
    "Catalog",
    "Confidence",
    "DateFact",
    "Fact",
    "NumberFact",
    "Remark",
    "State",
    "Status",
    "TextFact",
    "Treaty",
    "TreatyCorrection",
    "UntcFact",
    "UntsFact",
    "normalise_article_ref",
]
