"""What a count counts: the unit a figure prints with agrees with what its label says it counts.

A percentage's count prints in the unit of its base unless it gives its own
(``count_unit``): 1,544 recognised refugees out of 57,000 applications are
"1,544 people", not "1,544 cases". The words that say what a label counts are
data, per language (``label_units`` in ``locales/<code>/prose-figures.yaml``).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..load.prose_figures import ProseFigures
from ..model import ANY_LANGUAGE, Brief, Statistic
from .findings import CheckContext, Finding, register_rule


def count_unit(context: CheckContext) -> Iterator[Finding]:
    brief = context.brief
    for statistic in brief.statistics:
        if statistic.count_unit is not None and (statistic.unit != "percent" or statistic.base is None):
            yield Finding("warning", "figures.count-unit",
                          f"statistic '{statistic.id}': 'count_unit' applies only to a percentage with a base; "
                          "remove it", statistic.where("count_unit"))
            continue
        counted = _printed_unit(brief, statistic)
        if counted is None:
            continue
        unit, why = counted
        for language, label in statistic.label.to_data().items():
            readers = context.languages if language == ANY_LANGUAGE else (language,)
            said = _said_unit([context.prose[code] for code in readers if code in context.prose], label)
            if said is not None and said != unit:
                field = "count_unit" if statistic.unit == "percent" else "unit"
                verb = "add" if field == "count_unit" and statistic.count_unit is None else "write"
                yield Finding("warning", "figures.count-unit",
                              f"statistic '{statistic.id}': its label ('{label}') counts {said}, but its count "
                              f"prints as {unit} ({why}); {verb} '{field}: {said}'",
                              statistic.where("count_unit" if statistic.count_unit else "unit"))
                break


register_rule(
    count_unit, "figures.count-unit",
    "A figure's count prints in the unit its label speaks of: a percentage's count takes its base's unit "
    "unless it gives 'count_unit' (persons of applications); 'count_unit' only on a percentage with a base.",
    severity="warning",
    example="brief.yaml:41: warning: figures.count-unit: statistic 'recognised': its label ('recognised "
            "refugees') counts persons, but its count prints as cases (the unit of its base 'decided'); add "
            "'count_unit: persons'")


def _printed_unit(brief: Brief, statistic: Statistic) -> tuple[str, str] | None:
    """The unit the figure's count prints with, and why; None for a figure whose count prints no unit."""
    if statistic.unit != "percent":
        return None if statistic.unit == "number" else (statistic.unit, "its unit")
    if statistic.base is None:
        return None
    if statistic.count_unit is not None:
        return statistic.count_unit, "its count_unit"
    unit = brief.base_unit_of(statistic)
    if unit in ("number", "percent"):
        return None
    return unit, f"the unit of its base '{statistic.base}'"


def _said_unit(languages: list[ProseFigures], label: str) -> str | None:
    """The one unit the label's words count in, read in each of ``languages``, when exactly one (no guess
    between two)."""
    said = {unit for language in languages for unit, words in language.label_units.items() if words.search(label)}
    return next(iter(said)) if len(said) == 1 else None
