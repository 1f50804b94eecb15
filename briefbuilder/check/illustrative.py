"""Example data never passes for data: illustrative rows refuse a final build, an example case is a specimen.

The worked example and the scaffold show where real data goes. A made-up row
among real ones (a UPR follow-up table) cannot be told apart once printed, so
a final build that holds one is refused; ``--draft`` builds it with every page
marked DRAFT. A made-up person (a WGEID case marked ``illustrative``) is a
whole document of example: it is built as a specimen, every page saying so,
and ``check`` warns, so the form can be shown but never sent as a case.
"""

from __future__ import annotations

from collections.abc import Iterator

from .findings import CheckContext, Finding, register_rule


def illustrative(context: CheckContext) -> Iterator[Finding]:
    submission = context.brief.submission
    for index, item in enumerate(submission.follow_up if submission else [], 1):
        if item.illustrative:
            yield Finding("error", "provenance.illustrative",
                          f"follow-up row {index} is illustrative: a final build cannot print it; replace it with the "
                          "recommendation, number and response from OHCHR's UPR matrix and remove 'illustrative', "
                          "or build a marked draft with --draft", item.where("illustrative"))
    case = context.brief.case
    if case is not None and case.illustrative and context.pack.case_elements:
        yield Finding("warning", "provenance.illustrative",
                      f"the case is illustrative (not a real person): the '{context.pack.name}' document is a specimen, "
                      "every page marked as a fictitious case not for submission; replace it with a real case and "
                      "remove 'illustrative' before sending it", case.where("illustrative"))


register_rule(
    illustrative, "provenance.illustrative",
    "Rows marked 'illustrative: true' (example data) refuse a final build; '--draft' builds them with every page "
    "marked DRAFT. A case marked so is built as a specimen, every page saying it is fictitious, with a warning.",
    severity="error",
    example="brief.yaml:317: error: provenance.illustrative: follow-up row 1 is illustrative: a final build "
            "cannot print it; replace it with the recommendation, number and response from OHCHR's UPR matrix "
            "and remove 'illustrative', or build a marked draft with --draft")
