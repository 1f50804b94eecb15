"""Treaty statements in the author's prose, held to the catalog like the ``claims:`` block.

The project began with an article saying North Korea is party to the 1951
Refugee Convention. ``[[status:]]`` cannot print that, but an author can type
it. This check reads every narrative text in each of its languages, finds the
sentences that name a State and a treaty with words of status ("is a party
to", "has ratified", "당사국", "a adhéré"...), negated or not, and judges each
statement with the same judgement as ``claims:`` (:func:`.claims.judge`), as at
the brief's date. What it recognises:

- a State by any of its catalog names in that language, or ``[[state:XX]]``;
- a treaty by its catalog title or short name in that language, or
  ``[[treaty:ID]]`` / ``[[law:ID|...]]``;
- the status words, negation cues and the cues that make a sentence no
  statement (a recommendation, a condition, the past) from the language's
  ``statements.yaml`` (:mod:`briefbuilder.load.statements`).

``[[status:]]`` output is generated from the catalog and is not read. The
words are matched with one expression per language, built once per run from
the catalog and the language's file: the cost grows with the prose, not with
the catalog.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..catalog import Catalog
from ..errors import Location
from ..load.brief import narrative_texts
from ..load.statements import StatementWords, StatusKind
from ..model import ANY_LANGUAGE
from ..narrative import DOTTED_DATE, REFERENCE, SENTENCE_BREAK, line_location
from .claims import judge
from .findings import CheckContext, Finding, register_rule

CONTRADICTION = "claims.prose-contradiction"
UNVERIFIABLE = "claims.prose-unverifiable"
CLAUSE_OPENERS = frozenset({"clause", "relative"})  # words that end a clause and open the next
TREATY_REFERENCES = frozenset({"treaty", "law"})  # references that name a treaty ([[status:]] is generated)
SAID: dict[str, tuple[str, str]] = {  # what a statement says, asserted and negated
    "party": ("is a party to {treaty}", "is not a party to {treaty}"),
    "bound": ("is bound by {treaty}", "is not bound by {treaty}"),
    "ratified": ("has ratified {treaty}", "has not ratified {treaty}"),
    "acceded": ("has acceded to {treaty}", "has not acceded to {treaty}"),
    "signed": ("has signed {treaty}", "has not signed {treaty}"),
}


def prose_contradiction(context: CheckContext) -> Iterator[Finding]:
    yield from _only(context, CONTRADICTION)


register_rule(
    prose_contradiction, CONTRADICTION, "A sentence of the narrative that names a State and a treaty with words of status "
    "(party, ratified, acceded, signed, bound, negated or not; per language in locales/<lang>/statements.yaml) "
    "must not contradict the catalog as at the brief's date.",
    severity="error",
    example="brief.yaml:12: error: claims.prose-contradiction: the Democratic People's Republic of Korea is not a party to the Convention relating to the Status of Refugees, but the sentence says it is a party to it: \"North Korea is party to the 1951 Refugee Convention\" (catalog as of 2026-11: …); state it with [[status:KP|refugee-convention-1951]]")


def prose_unverifiable(context: CheckContext) -> Iterator[Finding]:
    yield from _only(context, UNVERIFIABLE)


register_rule(
    prose_unverifiable, UNVERIFIABLE, "Such a sentence the catalog cannot judge (no record of the State under the treaty, an "
    "unconfirmed record, a signature it does not record) is flagged, with the [[status:]] reference to use.",
    severity="warning",
    example="brief.yaml:14: warning: claims.prose-unverifiable: cannot verify that China has signed the Convention against Torture: the catalog records China's ratification of the Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment but no signature (…); state the status with [[status:CN|cat]]")


def _only(context: CheckContext, rule_id: str) -> Iterator[Finding]:
    """The findings of ``rule_id``: the prose is read once per check context, for both rules."""
    found = context.shared.get(__name__)
    if found is None:
        found = context.shared[__name__] = list(dict.fromkeys(prose_findings(context)))
    yield from (finding for finding in found if finding.rule == rule_id)


@dataclass(frozen=True)
class Statement:
    """One statement found in a sentence: a State is (or is not) ``kind`` under a treaty."""

    state: str  # catalog code
    treaty: str  # catalog id
    kind: StatusKind
    asserted: bool  # False when negated
    sentence: str
    start: int  # where its status words are in the text, for the line


def prose_findings(context: CheckContext) -> Iterator[Finding]:
    """Every statement of every narrative text, judged; in the order they are written."""
    readers = {lang: _Reader(words, context.catalog, lang)
               for lang, words in context.statements.items() if words is not None}
    if not readers:
        return
    day = context.brief.brief.date
    for text in narrative_texts(context.brief):
        for lang, body in text.root.items():
            for reader in readers.values() if lang == ANY_LANGUAGE else filter(None, [readers.get(lang)]):
                line, counted_to = 0, 0  # statements come in order: each line is counted once
                for statement in reader.statements(body):
                    line += body.count("\n", counted_to, statement.start)
                    counted_to = statement.start
                    yield from _judged(context.catalog, statement, day, line_location(text, lang, line))


def _judged(catalog: Catalog, statement: Statement, day: dt.date | None, where: Location | None) -> Iterator[Finding]:
    treaty = catalog.treaties[statement.treaty]
    state = catalog.states[statement.state].name_in_text("en", "un")
    said = SAID[statement.kind][0 if statement.asserted else 1]
    said_of_treaty = said.format(treaty="the " + treaty.title("en"))
    quoted = " ".join(statement.sentence.split())
    use = f"[[status:{statement.state}|{statement.treaty}]]"
    status = catalog.status(statement.state, statement.treaty)
    if status is None:
        yield Finding("warning", UNVERIFIABLE,
                      f"cannot verify that {state} {said_of_treaty}: the catalog "
                      f"does not record its status under that treaty (catalog as of {catalog.as_of}): \"{quoted}\"; "
                      f"add the status, with a source, to catalog.yaml beside the brief and state it with {use}", where)
        return
    judgement = judge(catalog, treaty, status, statement.kind, statement.asserted, day)
    if judgement.holds is None or not judgement.confirmed:
        agrees = ("the catalog agrees but its record is unconfirmed" if judgement.holds else
                  "the catalog says otherwise, unconfirmed" if judgement.holds is False else judgement.truth)
        yield Finding("warning", UNVERIFIABLE,
                      f"cannot verify that {state} {said_of_treaty}: {agrees} "
                      f"{judgement.record}: \"{quoted}\"; state the status with {use}", where)
    elif not judgement.holds:
        yield Finding("error", CONTRADICTION,
                      f"{judgement.truth}, but the sentence says it {said.format(treaty='it')}: \"{quoted}\" {judgement.record}; "
                      f"state it with {use}", where)


@dataclass(frozen=True)
class _Meaning:
    """What a phrase of the expression stands for."""

    kind: str  # state, treaty, status, negation, not-assertion, contrast, clause, relative, masked
    value: str = ""  # the State code, the treaty id, the status kind
    negated: bool = False  # status words that carry their own negation
    side: str = ""  # for a cue: "before" or "after" the status words it bears on


@dataclass(frozen=True, kw_only=True)
class _Token(_Meaning):
    """A phrase or reference found in the text, and where."""

    start: int
    end: int


class _Reader:
    """One language's expression over State names, treaty names and the words of its ``statements.yaml``."""

    def __init__(self, words: StatementWords, catalog: Catalog, lang: str) -> None:
        self.words = words
        self.meaning: dict[str, _Meaning] = {}
        self.states, self.treaties = frozenset(catalog.states), frozenset(catalog.treaties)
        ignored = {_key(name) for name in words.ignored_names}
        for code, state in catalog.states.items():
            for name in [*state.names.get(lang, {}).values(), *state.aliases.get(lang, ())]:
                self._add(name.text, _Meaning("state", code))
        for treaty_id, treaty in catalog.treaties.items():
            for fact in (treaty.titles.get(lang), treaty.shorts.get(lang)):
                if fact is not None and _key(fact.text) not in ignored:
                    self._add(fact.text, _Meaning("treaty", treaty_id))
        for negated, listed in ((False, words.statuses), (True, words.negated_statuses)):
            for kind, phrases in listed.items():
                for phrase in phrases:
                    self._add(phrase, _Meaning("status", kind, negated=negated))
        for cue, sides in (("negation", words.negation), ("not-assertion", words.not_assertions),
                           ("contrast", words.contrasts)):
            for side in ("before", "after"):
                for phrase in getattr(sides, side):
                    self._add(phrase, _Meaning(cue, side=side))
        for phrase in words.clause_breaks:
            self._add(phrase, _Meaning("clause"))
        for phrase in words.relative_clauses:
            self._add(phrase, _Meaning("relative"))
        for phrase in words.masked:  # matched only to hide the names and cues inside them ("not only")
            self._add(phrase, _Meaning("masked"))
        # Never empty (a language has status words), unlike the abbreviations.
        self.pattern = _compiled(tuple(sorted(self.meaning)), words.word_boundaries)
        self.abbreviations = _alternation({_key(a): a for a in words.abbreviations}, words.word_boundaries)
        self.questions = tuple(words.questions)
        self.list_words = frozenset(_key(word) for word in words.list_words)

    def _add(self, phrase: str, meaning: _Meaning) -> None:
        self.meaning.setdefault(_key(phrase), meaning)

    def statements(self, body: str) -> Iterator[Statement]:
        """The statements of ``body``, sentence by sentence."""
        tokens = list(self._tokens(body))
        index = 0
        for start, end in self._sentences(body):
            sentence: list[_Token] = []
            while index < len(tokens) and tokens[index].start < end:
                if tokens[index].start >= start:
                    sentence.append(tokens[index])
                index += 1
            asks = bool(self.questions) and body[start:end].rstrip().endswith(self.questions)
            if not asks and any(token.kind == "status" for token in sentence):
                # In the order written (a relative clause's statements are read after the clause it
                # interrupts): their lines are counted from one statement to the next.
                yield from sorted(self._read(sentence, body, start, end), key=lambda statement: statement.start)

    def _tokens(self, body: str) -> Iterator[_Token]:
        """References and matched words, in order; a reference's inside is never read as words."""
        masked = REFERENCE.sub(lambda m: "\x00" * (m.end() - m.start()), _plain_quotes(body))
        references = {m.start(): m for m in REFERENCE.finditer(body)}
        words = self.pattern.finditer(masked)
        word = next(words, None)
        for at in sorted(references):
            while word is not None and word.start() < at:
                yield self._token(word)
                word = next(words, None)
            reference = references[at]
            kind, target = reference["kind"], reference["target"].strip()
            if kind == "state" and target.upper() in self.states:  # an unknown one is the render's error
                yield _Token("state", target.upper(), start=reference.start(), end=reference.end())
            elif kind in TREATY_REFERENCES and target in self.treaties:
                yield _Token("treaty", target, start=reference.start(), end=reference.end())
        while word is not None:
            yield self._token(word)
            word = next(words, None)

    def _token(self, match: re.Match[str]) -> _Token:
        return _Token(**vars(self.meaning[_key(match.group())]), start=match.start(), end=match.end())

    def _sentences(self, body: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each sentence: references, Korean dotted dates and abbreviations never end one."""
        masked = body
        for pattern in (REFERENCE, DOTTED_DATE, self.abbreviations):
            if pattern is not None:
                masked = pattern.sub(lambda m: "\x00" * (m.end() - m.start()), masked)
        start = 0
        for stop in SENTENCE_BREAK.finditer(masked):
            yield start, stop.end()
            start = stop.end()
        if start < len(body):
            yield start, len(body)

    def _read(self, tokens: list[_Token], body: str, start: int, end: int) -> Iterator[Statement]:
        sentence = body[start:end]
        apart = self._set_apart(tokens, body)
        every = [token for token in tokens if token.kind not in CLAUSE_OPENERS and token not in apart]
        for clause in self._clauses([token for token in tokens if token.kind in CLAUSE_OPENERS or token not in apart], body):
            statuses = [position for position, token in enumerate(clause) if token.kind == "status"]
            for order, position in enumerate(statuses):
                status = clause[position]
                before = clause[(statuses[order - 1] + 1 if order else 0):position]
                after = clause[position + 1:(statuses[order + 1] if order + 1 < len(statuses) else len(clause))]
                if self._cue(before, after, status, body, "not-assertion"):
                    continue
                negated = status.negated or self._cue(before, after, status, body, "negation")
                states = _nearest(every, status, "state", own=before, other_first="before")
                own, other = (after, "before") if self.words.treaty_side == "after" else (before, "after")
                treaties = _nearest(every, status, "treaty", own=own, other_first=other)
                denied = _denied(own) if own is after else set()
                for state in dict.fromkeys(states):
                    for treaty in dict.fromkeys(treaties):
                        yield Statement(state, treaty, status.value, not negated and treaty not in denied,  # type: ignore[arg-type]
                                        sentence, status.start)

    def _clauses(self, tokens: list[_Token], body: str) -> list[list[_Token]]:
        """The sentence's tokens by clause. A relative clause set off by commas is one of its own, and the
        words after its closing comma go on with the clause it interrupts: its status words then find their
        treaty (or State) in the name it follows, not in the rest of the sentence."""
        clauses: list[list[_Token]] = [[]]
        current, interrupted = 0, None  # interrupted: the clause an open relative clause stands in
        previous_end = tokens[0].start if tokens else 0
        for token in tokens:
            gap, previous_end = body[previous_end:token.start], token.end
            if interrupted is not None and "," in gap and not self._goes_on(gap, token):
                current, interrupted = interrupted, None
            if token.kind in CLAUSE_OPENERS:
                # A relative opener's own comma closes an open relative clause: both interrupt the same clause.
                interrupted = (current if interrupted is None else interrupted) if token.kind == "relative" else None
                clauses.append([])
                current = len(clauses) - 1
            else:
                clauses[current].append(token)
        return clauses

    def _goes_on(self, gap: str, token: _Token) -> bool:
        """Whether ``token``, after a comma, goes on a list of names of the relative clause: a State or a
        treaty with only the language's ``list_words`` between the comma and it."""
        between = gap[gap.rindex(",") + 1:].split()
        return token.kind in ("state", "treaty") and all(_key(word) in self.list_words for word in between)

    def _cue(self, before: list[_Token], after: list[_Token], status: _Token, body: str, kind: str) -> bool:
        """A cue of ``kind`` on the side it bears on (before the status words, or after them), within its reach."""
        reach = (self.words.negation if kind == "negation" else self.words.not_assertions).reach

        def near(gap: str) -> bool:
            return reach is None or len(gap.split()) <= reach

        return any(t.kind == kind and t.side == "before" and near(body[t.end:status.start]) for t in before) or \
            any(t.kind == kind and t.side == "after" and near(body[status.end:t.start]) for t in after)

    def _set_apart(self, tokens: list[_Token], body: str) -> set[_Token]:
        """Names a contrast cue sets apart: the States after a 'before' cue, up to a comma or any other
        word it knows ("unlike China and Russia,"), or the name written right against an 'after' cue,
        be it a State, a treaty or status words ("중국과 달리", "자유권규약과 달리", "당사국과 달리")."""
        apart: set[_Token] = set()
        for position, token in enumerate(tokens):
            if token.kind != "contrast":
                continue
            if token.side == "before":
                for state in tokens[position + 1:]:
                    if "," in body[token.end:state.start] or state.kind != "state":
                        break
                    apart.add(state)
            elif position and not body[tokens[position - 1].end:token.start].strip():
                apart.add(tokens[position - 1])
        return apart


def _denied(after: list[_Token]) -> set[str]:
    """Treaties after a negation cue that follows the status words: "a party to the 1967 Protocol but not
    to the Refugee Convention" says of the second that the State is not a party to it."""
    denied: set[str] = set()
    negated = False
    for token in after:
        negated = negated or (token.kind == "negation" and token.side == "before")
        if negated and token.kind == "treaty":
            denied.add(token.value)
    return denied


def _nearest(tokens: list[_Token], status: _Token, kind: str, *, own: list[_Token], other_first: str) -> list[str]:
    """Names of ``kind`` in the status words' own stretch of the clause; else the nearest in the sentence,
    looking first on the side ``other_first``, then on the other."""
    named = [t.value for t in own if t.kind == kind]
    if named:
        return named
    earlier = [t.value for t in tokens if t.kind == kind and t.end <= status.start]
    later = [t.value for t in tokens if t.kind == kind and t.start >= status.end]
    sides = (earlier[-1:], later[:1]) if other_first == "before" else (later[:1], earlier[-1:])
    return next((side for side in sides if side), [])


def _key(phrase: str) -> str:
    """How a phrase is looked up: case, spacing and the apostrophe's shape do not count."""
    return " ".join(_plain_quotes(phrase).split()).casefold()


def _plain_quotes(text: str) -> str:
    return text.replace("\u2019", "'")  # same length: positions stay


_END = ""  # the trie key marking that a phrase ends at this node


def _alternation(phrases: Mapping[str, object], word_boundaries: bool) -> re.Pattern[str] | None:
    """One expression for every phrase (built once per set of phrases in a process)."""
    return _compiled(tuple(sorted(phrases)), word_boundaries) if phrases else None


@lru_cache(maxsize=16)
def _compiled(phrases: tuple[str, ...], word_boundaries: bool) -> re.Pattern[str]:
    """The phrases as a trie, so that the scan tries one branch per character, not every phrase at every
    position. The longest phrase wins ("Republic of Korea" never matches inside the DPRK's name); a space
    matches any spacing; with ``word_boundaries`` a phrase that starts or ends with a letter or digit
    matches only as whole words."""
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for char in " ".join(phrase.split()):
            node = node.setdefault(char, {})
        node[_END] = True
    starts = {char for char in trie if char.isalnum()} if word_boundaries else set()
    bounded = _trie_regex({char: trie[char] for char in starts}, word_boundaries)
    free = _trie_regex({char: child for char, child in trie.items() if char not in starts}, word_boundaries)
    parts = ([rf"(?<!\w)(?:{bounded})"] if starts else []) + ([free] if len(trie) > len(starts) else [])
    return re.compile("|".join(parts), re.IGNORECASE)


def _trie_regex(node: dict[str, Any], word_boundaries: bool, last: str = "") -> str:
    """The branches below ``node``, longer ones first; ``last`` is the character before them."""
    branches = [(r"\s+" if char == " " else re.escape(char)) + _trie_regex(child, word_boundaries, char)
                for char, child in sorted(node.items()) if char != _END]
    if _END in node:  # a phrase ends here: after every longer one, and at a word's end if it ends in one
        branches.append(r"(?!\w)" if word_boundaries and last.isalnum() else "")
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
