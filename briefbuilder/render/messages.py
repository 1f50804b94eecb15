"""The wording of counts and shares, as gettext messages.

English says "113 people" and "81.4% (92 of 113)"; Korean says "113명" and
"113명 중 92명(81.4%)". Both come from the catalogs in ``locales/``: the
counter (명, 건) and the word order are translations, not code. ``N_`` and
``C_`` only mark messages for ``pybabel extract`` (see ``babel.cfg``).
"""

from __future__ import annotations


def N_(singular: str, plural: str) -> tuple[str, str]:
    return singular, plural


def C_(context: str, message: str) -> tuple[str, str]:
    return context, message


COUNT_FORMS: dict[str, tuple[str, str]] = {
    "persons": N_("%(num)s person", "%(num)s people"),
    "cases": N_("%(num)s case", "%(num)s cases"),
    "interviews": N_("%(num)s interview", "%(num)s interviews"),
    "incidents": N_("%(num)s incident", "%(num)s incidents"),
    "number": N_("%(num)s", "%(num)s"),
}

# A percentage with its count and base; the context is the unit of the base.
SHARE_FORMS: dict[str, tuple[str, str]] = {
    "persons": C_("persons", "%(percent)s (%(count)s of %(base)s)"),
    "cases": C_("cases", "%(percent)s (%(count)s of %(base)s)"),
    "interviews": C_("interviews", "%(percent)s (%(count)s of %(base)s)"),
    "incidents": C_("incidents", "%(percent)s (%(count)s of %(base)s)"),
    "number": C_("number", "%(percent)s (%(count)s of %(base)s)"),
}

QUALIFIER_FORMS: dict[str, tuple[str, str]] = {
    "about": C_("qualifier", "about %(amount)s"),
    "more-than": C_("qualifier", "more than %(amount)s"),
    "at-least": C_("qualifier", "at least %(amount)s"),
    "fewer-than": C_("qualifier", "fewer than %(amount)s"),
    "up-to": C_("qualifier", "up to %(amount)s"),
}

# A count with its percentage: "13 people (11.5%)" / "13명(11.5%)".
COUNT_WITH_PERCENT = C_("count with percent", "%(count)s (%(percent)s)")
