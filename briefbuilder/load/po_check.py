"""A translation catalog from outside is input like any other: checked before it is used.

A .po file may come with someone else's pack or language. Its translations are
%-formatted with the document's values and its plural rule picks a form for
each number, so a careless or hostile one could stop a render (a placeholder
the code never fills, a stray ``%``), stall it (``%(num)999999999s``) or run
a plural expression Python's gettext evaluates with ``eval``. Each problem is
reported at its line of the .po; the plural rule is read by a small bounded
parser (:func:`plural_rule`) that replaces gettext's.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from babel.support import Translations

from ..errors import BriefError, Location, Problem

MAX_WIDTH = 100  # the widest field or precision a translation may ask for ("%(num)5s" is fine)
MAX_PLURAL_LENGTH = 300
MAX_PLURAL_DEPTH = 30  # parentheses, conditions and '!' inside each other; bounds the parser's recursion
MAX_PLURALS = 6  # CLDR's languages have at most six forms

# A %-format conversion as Python reads it; "%%" is a literal percent sign.
_CONVERSION = re.compile(r"%(?:\((?P<name>[^)]*)\))?(?P<flags>[#0 +\-]*)(?P<width>\*|\d+)?"
                         r"(?:\.(?P<precision>\*|\d+))?[hlL]?(?P<type>[diouxXeEfFgGcrsa%])?")


def catalog_problems(po_file: Path, text: str, catalog: Catalog) -> list[Problem]:
    """Everything in ``catalog`` (read from ``po_file``) that would fail or stall a render."""
    problems = _plural_problems(po_file, text, catalog)
    for message in catalog:
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = [found for msgid in ids if (found := _placeholders(str(msgid))) is not None]
        if len(expected) != len(ids):
            continue  # the msgid itself is no format: the code does not format it
        where = Location(str(po_file), message.lineno or 1)
        for index, string in enumerate(strings):
            if not string:
                continue
            found = _placeholders(str(string))
            what = f"msgstr[{index}]" if isinstance(message.string, tuple) else "msgstr"
            if found is None:
                problems.append(Problem(where, what, f"the translation of '{ids[0][:60]}' has a '%' that is no "
                                        f"placeholder, or a field wider than {MAX_WIDTH}",
                                        "write a literal percent sign as %% and keep the msgid's placeholders"))
            elif found not in expected:
                problems.append(Problem(where, what, f"the translation of '{ids[0][:60]}' has the placeholders "
                                        f"{_named(found)}, the msgid {_named(expected[-1])}",
                                        "use exactly the msgid's placeholders, each as %(name)s"))
    return problems


def _placeholders(text: str) -> tuple[frozenset[str], int] | None:
    """The named placeholders and the number of positional ones, or None when ``text`` is no valid format."""
    names: set[str] = set()
    positional = 0
    for match in _CONVERSION.finditer(text):
        if match.group("type") is None:
            return None
        if match.group("type") == "%" and match.group() == "%%":
            continue
        for bound in (match.group("width"), match.group("precision")):
            if bound is not None and (bound == "*" or int(bound) > MAX_WIDTH):
                return None
        if match.group("name") is not None:
            names.add(match.group("name"))
        else:
            positional += 1
    return frozenset(names), positional


def _named(placeholders: tuple[frozenset[str], int]) -> str:
    names, positional = placeholders
    listed = [f"%({name})s" for name in sorted(names)] + ["%s"] * positional
    return ", ".join(listed) or "none"


def _plural_problems(po_file: Path, text: str, catalog: Catalog) -> list[Problem]:
    line = next((number for number, content in enumerate(text.splitlines(), 1) if "Plural-Forms" in content), 1)
    where = Location(str(po_file), line)
    try:
        plural_rule(catalog.plural_expr, catalog.num_plurals)
    except ValueError as exc:
        return [Problem(where, "Plural-Forms", f"the plural rule cannot be used: {exc}",
                        "copy the Plural-Forms line of your language from the GNU gettext manual or CLDR")]
    return []


def plural_rule(expression: str, forms: int) -> Callable[[int], int]:
    """The plural form for a number, as GNU gettext reads a Plural-Forms rule; ValueError saying what is wrong.

    Parsed once into a tree of closures (never ``eval``), bounded in length and
    nesting, and tried on the numbers a document can hold: every result must be
    one of the ``forms`` forms, with no division by zero.
    """
    if not 1 <= forms <= MAX_PLURALS:
        raise ValueError(f"nplurals={forms}: a language has 1 to {MAX_PLURALS} forms")
    if len(expression) > MAX_PLURAL_LENGTH:
        raise ValueError(f"the expression is longer than {MAX_PLURAL_LENGTH} characters")
    rule = _Parser(expression).parse()
    for number in (*range(0, 1001), 10_000, 100_000, 1_000_000, 10**9):
        try:
            form = rule(number)
        except ZeroDivisionError:
            raise ValueError(f"it divides by zero for n = {number}") from None
        if not 0 <= form < forms:
            raise ValueError(f"it gives form {form} for n = {number}; there are {forms}")
    return rule


_TOKEN = re.compile(r"\s*(?:(\d{1,9})|(n)|(\|\||&&|==|!=|<=|>=|[-+*/%<>!?:()]))")
_BINARY = [("?",), ("||",), ("&&",), ("==", "!="), ("<", ">", "<=", ">="), ("+", "-"), ("*", "/", "%")]


# GNU gettext computes in C's unsigned long (64 bits on 64-bit Linux): n - 5 for n = 2 wraps to a huge number,
# not -3, so "n - 5 > 0" holds there; no number is negative, and / and % are Python's // and %.
_UNSIGNED_LONG = 2**64

_OPERATIONS: dict[str, Callable[[int, int], int]] = {
    "||": lambda a, b: int(bool(a) or bool(b)), "&&": lambda a, b: int(bool(a) and bool(b)),
    "==": lambda a, b: int(a == b), "!=": lambda a, b: int(a != b), "<": lambda a, b: int(a < b),
    ">": lambda a, b: int(a > b), "<=": lambda a, b: int(a <= b), ">=": lambda a, b: int(a >= b),
    "+": lambda a, b: (a + b) % _UNSIGNED_LONG, "-": lambda a, b: (a - b) % _UNSIGNED_LONG,
    "*": lambda a, b: a * b % _UNSIGNED_LONG, "/": lambda a, b: a // b, "%": lambda a, b: a % b,
}


class _Parser:
    """C's conditional expression over ``n``, as gettext's Plural-Forms allows it."""

    def __init__(self, expression: str) -> None:
        self.tokens: list[str] = []
        at = 0
        expression = expression.strip().rstrip(";")
        while at < len(expression.rstrip()):
            match = _TOKEN.match(expression, at)
            if match is None:
                raise ValueError(f"'{expression[at:at + 10].strip()}' is not part of a plural rule")
            self.tokens.append(match.group(match.lastindex or 0))
            at = match.end()
        self.at = 0
        self.depth = 0

    def parse(self) -> Callable[[int], int]:
        rule = self._binary(0)
        if self.at != len(self.tokens):
            raise ValueError(f"unexpected '{self.tokens[self.at]}'")
        return rule

    def _next(self) -> str | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def _take(self, token: str) -> None:
        if self._next() != token:
            raise ValueError(f"expected '{token}'")
        self.at += 1

    def _nested(self, parse: Callable[[], Callable[[int], int]]) -> Callable[[int], int]:
        """``parse()`` one level further in: bounding how deep a rule nests bounds this parser's recursion."""
        self.depth += 1
        if self.depth > MAX_PLURAL_DEPTH:
            raise ValueError(f"it nests parentheses, conditions or '!' more than {MAX_PLURAL_DEPTH} deep")
        parsed = parse()
        self.depth -= 1
        return parsed

    def _binary(self, level: int) -> Callable[[int], int]:
        if level == len(_BINARY):
            return self._unary()
        left = self._binary(level + 1)
        if _BINARY[level] == ("?",):
            if self._next() != "?":
                return left
            self.at += 1
            then = self._nested(lambda: self._binary(0))
            self._take(":")
            otherwise = self._nested(lambda: self._binary(level))
            return lambda n: then(n) if left(n) else otherwise(n)
        while self._next() in _BINARY[level]:
            operation = _OPERATIONS[self.tokens[self.at]]
            self.at += 1
            right = self._binary(level + 1)
            left = (lambda op, a, b: lambda n: op(a(n), b(n)))(operation, left, right)
        return left

    def _unary(self) -> Callable[[int], int]:
        token = self._next()
        if token is None:
            raise ValueError("it ends too soon")
        self.at += 1
        if token == "!":
            operand = self._nested(self._unary)
            return lambda n: int(not operand(n))
        if token == "(":
            inner = self._nested(lambda: self._binary(0))
            self._take(")")
            return inner
        if token == "n":
            return lambda n: n
        if token.isdigit():
            value = int(token)
            return lambda n: value
        raise ValueError(f"unexpected '{token}'")


def checked_catalog(po_file: Path, source: bytes, locale: str, domain: str) -> Catalog:
    """The catalog in ``source`` (the bytes of ``po_file``), or a :class:`BriefError` listing its problems by line."""
    try:
        text = source.decode("utf-8")
        forms = re.search(r"nplurals\s*=\s*([^;\\\"]*)", text)
        if forms and not forms.group(1).strip().isdigit():
            raise BriefError.at(Location(str(po_file), text.count("\n", 0, forms.start()) + 1), "Plural-Forms",
                                f"the plural rule cannot be used: nplurals={forms.group(1).strip()} is not a number",
                                "copy the Plural-Forms line of your language from the GNU gettext manual or CLDR")
        catalog = read_po(io.BytesIO(source), locale=locale, domain=domain)
    except BriefError:
        raise
    except Exception as exc:  # noqa: BLE001 - babel raises many kinds for a damaged .po
        raise BriefError.at(Location(str(po_file), getattr(exc, "lineno", 1) or 1), "messages",
                            f"cannot read the translation catalog: {exc}",
                            "save it as UTF-8 and check it with 'msgfmt --check' (docs/translating.md)") from None
    problems = catalog_problems(po_file, text, catalog)
    if problems:
        raise BriefError(problems)
    return catalog


def with_bounded_plural(translations: Translations) -> Translations:
    """``translations`` choosing plural forms by :func:`plural_rule` rather than by gettext's ``eval``."""
    header = translations.info().get("plural-forms", "")
    forms = re.search(r"nplurals\s*=\s*(\d+)", header)
    expression = re.search(r"plural\s*=\s*([^;]*)", header)
    if forms and expression:
        translations.plural = plural_rule(  # type: ignore[assignment]  # gettext passes the count, an int
            expression.group(1), int(forms.group(1)))
    return translations
