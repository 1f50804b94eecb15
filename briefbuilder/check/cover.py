"""Cover blocks as each mechanism asks for them (pack data; docs/audiences.md).

``required_fields`` (constraints.required-fields) refuses a brief without a
field the mechanism cannot do without; the rules here cover what a list of
paths cannot say: every co-submitter presented, and fields a mechanism's
cover should name that a brief may not know yet (a committee's session).
"""

from __future__ import annotations

from collections.abc import Iterator

from .constraints import _empty, resolve
from .findings import CheckContext, Finding, register_rule


def organisations(context: CheckContext) -> Iterator[Finding]:
    submission = context.brief.submission
    if not context.pack.presents_organisations or submission is None:
        return
    for index, partner in enumerate(submission.partners, 1):
        for field in ("mandate", "contact"):
            if _empty(getattr(partner, field)):
                yield Finding("error", "cover.organisations",
                              f"co-submitter {index} ({partner.name.get('en', fallback=True)}) has no '{field}'; the "
                              f"'{context.pack.name}' cover presents every organisation: "
                              + ("say in a sentence who it is and what it does" if field == "mandate"
                                 else "give an e-mail address or other contact"),
                              partner.where())


register_rule(
    organisations, "cover.organisations",
    "Where the cover presents the submitting organisations (UPR), every one of them, co-submitters included, "
    "says who it is (mandate) and how to reach it (contact).",
    severity="error",
    example="brief.yaml:372: error: cover.organisations: co-submitter 1 (Example Watch) has no 'mandate'; the "
            "'un-upr' cover presents every organisation: say in a sentence who it is and what it does")


def recommended_fields(context: CheckContext) -> Iterator[Finding]:
    for path in context.pack.recommended_fields:
        value, holder = resolve(context.brief, path)
        if _empty(value):
            yield Finding("warning", "cover.recommended-fields",
                          f"the '{context.pack.name}' cover names '{path}' when given; add it once it is known "
                          "(the cover goes without it)", holder.where() or context.brief.brief.where())


register_rule(
    recommended_fields, "cover.recommended-fields",
    "Fields the mechanism's cover should name (pack 'recommended_fields', e.g. a treaty body's session and the "
    "State report concerned) are filled in, or the cover goes without them.",
    severity="warning",
    example="brief.yaml:367: warning: cover.recommended-fields: the 'un-treaty-body' cover names "
            "'submission.session' when given; add it once the committee has scheduled the review")
