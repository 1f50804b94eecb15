"""Read a language's ``statements.yaml``: the words its prose states a treaty status with.

The check of treaty statements in prose (``briefbuilder.check.prose_treaties``)
takes State and treaty names from the catalog and everything else from this
file, found beside the language's ``locale.yaml`` on the locale search path, so
a new language brings its own words. A language without the file is not
checked; a file that is there is validated like every input, each problem at
its line.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from msgspec import Meta, Struct

from ..model import Located
from ..resources import data_dir
from .confine import confined_file
from .locale import SETTINGS
from .located import read_mapping, validate_located

STATEMENTS_FILE = "statements.yaml"
# What a status phrase says: party/bound = in force for the State; ratified/acceded = instrument deposited.
StatusKind = Literal["party", "ratified", "acceded", "signed", "bound"]
Phrase = Annotated[str, Meta(min_length=1, pattern=r"\S", description="a phrase",
                             extra={"hint": "write the words as prose writes them"})]


class Sides(Struct, frozen=True, forbid_unknown_fields=True):
    """Cues found before the status words (between them and the previous ones) or after them."""

    before: list[Phrase] = []
    after: list[Phrase] = []
    # At most this many words between a cue and the status words it bears on; None: anywhere in the clause.
    reach: Annotated[int, Meta(ge=0)] | None = None

    def all(self) -> Iterable[str]:
        return (*self.before, *self.after)


class StatementWords(Located, frozen=True, kw_only=True):
    """One language's words around a State and a treaty in a status statement."""

    word_boundaries: bool  # whole words only (English, French); Korean particles follow a name directly
    treaty_side: Literal["before", "after"]  # where the treaty stands from the status words
    statuses: dict[StatusKind, list[Phrase]]
    negated_statuses: dict[StatusKind, list[Phrase]] = {}
    negation: Sides
    not_assertions: Sides = Sides()
    # Cues that set a name apart from the statement ("unlike China", "중국과 달리", "자유권규약과 달리"): a State
    # after a 'before' cue (up to the next comma), or the name written against an 'after' cue, is not in it.
    contrasts: Sides = Sides()
    abbreviations: list[Phrase] = []  # a full stop after these does not end a sentence
    clause_breaks: list[Phrase] = []
    # Clause breaks that open a relative clause set off by commas (", which", ", à laquelle"): it ends at the
    # next comma, and what follows that comma goes on with the clause before it ("the Refugee Convention, which
    # China has ratified, differs from the ICCPR" says nothing of the ICCPR) ...
    relative_clauses: list[Phrase] = []
    # ... unless only these words stand between that comma and a State or a treaty: a list of names goes on
    # ("which is a party to the Refugee Convention, the 1967 Protocol and the ICCPR,").
    list_words: list[Phrase] = []
    questions: list[Phrase] = []
    masked: list[Phrase] = []  # words holding a name or a cue without being one (북한이탈주민, "not only")
    ignored_names: list[Phrase] = []  # catalog names too common to name a treaty alone (le Pacte)

    def __post_init__(self) -> None:
        if not any(self.statuses.values()):
            raise ValueError("give at least one status phrase ('statuses: {party: [...]}')")


def statement_words(code: str, search_path: Sequence[Path] = ()) -> StatementWords | None:
    """The words of language ``code`` from the first folder on ``search_path`` that has the language;
    None when that folder has no statements file (the language's prose is then not checked)."""
    roots = tuple(Path(root) for root in search_path) or (data_dir("locales"),)
    for root in roots:
        if (root / code / SETTINGS).is_file():
            path = root / code / STATEMENTS_FILE
            if not path.is_file() and not path.is_symlink():
                return None
            confined_file(root, path, what=f"statements file of '{code}'")
            return _read(path)
    return None


@lru_cache(maxsize=16)
def _read(path: Path) -> StatementWords:
    data, source_map = read_mapping(path, "a statements file", "start with 'word_boundaries:' (see locales/en/statements.yaml)")
    return validate_located(data, source_map, StatementWords)
