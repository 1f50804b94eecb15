"""The wording of counts and shares, as gettext messages.

English says "113 people" and "81.4% (92 of 113)"; Korean says "113명" and
"113명 중 92명(81.4%)". Both come from the catalogs in ``locales/``: the
counter (명, 건) and the word order are translations, not code.
"""

from __future__ import annotations

from .i18n import C_, N_

__all__ = ["C_", "N_", "COUNT_FORMS", "COUNT_WITH_PERCENT", "MIXED_SHARE", "QUALIFIER_FORMS", "SHARE_FORMS"]


COUNT_FORMS: dict[str, tuple[str, str]] = {
    # Translators: num: a number already formatted (113, 1,234)
    "persons": N_("%(num)s person", "%(num)s people"),
    # Translators: num: a number already formatted
    "cases": N_("%(num)s case", "%(num)s cases"),
    # Translators: num: a number already formatted
    "interviews": N_("%(num)s interview", "%(num)s interviews"),
    # Translators: num: a number already formatted
    "incidents": N_("%(num)s incident", "%(num)s incidents"),
    # Translators: num: a number already formatted; a count with no unit
    "number": N_("%(num)s", "%(num)s"),
}

# A percentage with its count and base; the context is the unit of the base.
SHARE_FORMS: dict[str, tuple[str, str]] = {
    # Translators: percent: a percentage already formatted (81.4%); count: how many people; base: of how many people
    "persons": C_("persons", "%(percent)s (%(count)s of %(base)s)"),
    # Translators: percent: formatted percentage; count: how many cases; base: of how many cases
    "cases": C_("cases", "%(percent)s (%(count)s of %(base)s)"),
    # Translators: percent: formatted percentage; count: how many interviews; base: of how many interviews
    "interviews": C_("interviews", "%(percent)s (%(count)s of %(base)s)"),
    # Translators: percent: formatted percentage; count: how many incidents; base: of how many incidents
    "incidents": C_("incidents", "%(percent)s (%(count)s of %(base)s)"),
    # Translators: percent: formatted percentage; count: the part; base: the whole (no unit)
    "number": C_("number", "%(percent)s (%(count)s of %(base)s)"),
}

# A percentage whose count and base count different things (persons of applications): each keeps its unit.
# Translators: percent: formatted percentage (2.7%); count: the part with its unit (1,544 people); base: the whole with its unit (57,000 cases)
MIXED_SHARE = C_("count and base in different units", "%(percent)s (%(count)s of %(base)s)")

QUALIFIER_FORMS: dict[str, tuple[str, str]] = {
    # Translators: amount: a count with its unit (113 people)
    "about": C_("qualifier", "about %(amount)s"),
    # Translators: amount: a count with its unit (500 people)
    "more-than": C_("qualifier", "more than %(amount)s"),
    # Translators: amount: a count with its unit
    "at-least": C_("qualifier", "at least %(amount)s"),
    # Translators: amount: a count with its unit
    "fewer-than": C_("qualifier", "fewer than %(amount)s"),
    # Translators: amount: a count with its unit
    "up-to": C_("qualifier", "up to %(amount)s"),
}

# A count with its percentage: "13 people (11.5%)" / "13명(11.5%)".
# Translators: count: a count with its unit (13 people); percent: its share, formatted (11.5%)
COUNT_WITH_PERCENT = C_("count with percent", "%(count)s (%(percent)s)")
