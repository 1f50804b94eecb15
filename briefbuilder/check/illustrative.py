"""Example data is never sent by mistake: rows marked ``illustrative`` are flagged.

The renderer marks them in every output ("[Illustrative row]"); this rule
says so at check time, so a brief built from the worked example cannot reach
a reviewer with invented rows unnoticed.
"""

from __future__ import annotations

from collections.abc import Iterator

from .findings import CheckContext, Finding, rule


@rule("provenance.illustrative",
      "Rows marked 'illustrative: true' (example data) are flagged until real data replaces them; every output "
      "prints them with '[Illustrative row]'.",
      severity="warning",
      example="brief.yaml:317: warning: provenance.illustrative: follow-up row 1 is illustrative: every output marks "
              "it; replace it with the recommendation, number and response from OHCHR's UPR matrix, then remove "
              "'illustrative'")
def illustrative(context: CheckContext) -> Iterator[Finding]:
    submission = context.brief.submission
    for index, item in enumerate(submission.follow_up if submission else [], 1):
        if item.illustrative:
            yield Finding("warning", "provenance.illustrative",
                          f"follow-up row {index} is illustrative: every output marks it; replace it with the "
                          "recommendation, number and response from OHCHR's UPR matrix, then remove 'illustrative'",
                          item.where("illustrative"))
