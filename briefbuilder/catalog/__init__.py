"""The treaty catalog: treaties, States and who is party to what, every fact sourced.

Bundled data (``treaties.yaml``, ``states.yaml``, ``status.yaml``) is
converted from the project's research notes with each fact's confidence and
source kept as given; a user extends it with ``catalog.yaml`` beside a brief.
"""

from .describe import describe_catalog
from .load import EXTENSION_FILE, Catalog, catalog_for_brief, load_catalog
from .model import (
    Article,
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
    "catalog_for_brief",
    "describe_catalog",
    "load_catalog",
    "normalise_article_ref",
]
