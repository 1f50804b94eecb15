"""Markers for ``pybabel extract`` (see ``babel.cfg``): a message is written once, where it is defined.

``N_(singular, plural)`` and ``C_(context, message)`` return their arguments
unchanged; the render stage translates them with the document's locale. They
live outside ``render`` so that any stage (the catalog's listing, for one) can
define messages without importing the render machinery.
"""

from __future__ import annotations


def N_(singular: str, plural: str) -> tuple[str, str]:
    return singular, plural


def C_(context: str, message: str) -> tuple[str, str]:
    return context, message
