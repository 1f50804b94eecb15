"""constraints.word-limit and constraints.renders: each language's document on its own, and what the user reads."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from briefbuilder.audience import Pack
from briefbuilder.check import CheckContext
from briefbuilder.check.constraints import renders
from briefbuilder.errors import BriefError, Location, Problem
from briefbuilder.load import load_brief
from briefbuilder.load.catalog import catalog_for_brief
from briefbuilder.pipeline import check_brief

NOT_COUNTED = "(counted as rendered, Korean by 어절; not counted: the cover (title and the lines under it)"
NO_ENGLISH = {'      en: "The report documents [[stat:victims]]. "\n': ""}  # the English document cannot render


def _findings(folder: Path, audience: str, rule: str) -> list[str]:
    return [f.message for f in check_brief(folder, audience=audience, languages=["en", "ko"]) if f.rule == rule]


def _settings(pack: str) -> dict[str, str]:
    return {"  state: KP": f"  state: KP\n  settings: {{pack: {pack}}}"}


def test_a_limit_set_for_one_language_applies_to_that_language_only(write_brief: Callable[..., Path]) -> None:
    folder = write_brief(replace=_settings("{word_limit: {ko: 20}}"))
    assert _findings(folder, "un-upr", "constraints.word-limit") == [
        f"23 words in the 'ko' document; the un-upr limit for a single organisation is 20 {NOT_COUNTED} "
        "and footnotes and endnotes)"]
    # the whole document is over: the finding points at the brief's own block, its first line
    (finding,) = [f for f in check_brief(folder, audience="un-upr") if f.rule == "constraints.word-limit"]
    assert finding.location is not None and (finding.location.file, finding.location.line) == (
        str(folder / "brief.yaml"), 2)


def test_the_limit_is_checked_after_a_language_that_could_not_be_rendered(write_brief: Callable[..., Path]) -> None:
    folder = write_brief(replace={**NO_ENGLISH, **_settings("{word_limit: 20}")})
    assert _findings(folder, "un-upr", "constraints.renders") == [
        "cannot render for 'un-upr' in 'en': sections[0].text: no 'en' text "
        "(add a 'en:' entry, or drop 'en' from the languages to build)"]
    assert [m.split(";")[0] for m in _findings(folder, "un-upr", "constraints.word-limit")] == [
        "23 words in the 'ko' document"]


def test_a_joint_submission_is_told_the_joint_limit(write_brief: Callable[..., Path]) -> None:
    folder = write_brief(replace={**_settings("{word_limit: 20, joint_word_limit: 10}"),
                                  "  body: {en": "  partners: [{name: Partner Centre}]\n  body: {en"})
    assert [m.split(" (")[0] for m in _findings(folder, "un-upr", "constraints.word-limit")] == [
        "27 words in the 'en' document; the un-upr limit for a joint submission is 10",
        "23 words in the 'ko' document; the un-upr limit for a joint submission is 10"]


def test_a_pack_without_a_joint_limit_states_its_one_limit(write_brief: Callable[..., Path]) -> None:
    folder = write_brief(replace=_settings("{word_limit: 20}"))
    assert _findings(folder, "un-treaty-body", "constraints.word-limit") == [
        f"63 words in the 'en' document; the un-treaty-body limit is 20 {NOT_COUNTED})",
        f"51 words in the 'ko' document; the un-treaty-body limit is 20 {NOT_COUNTED})"]


def test_a_render_problem_without_a_fix_is_reported_without_empty_brackets(write_brief: Callable[..., Path]) -> None:
    """A script's own render step may fail with a problem that suggests no fix."""
    brief = load_brief(write_brief())
    failure = BriefError([Problem(Location("templates/t/en.md.j2", 3), "template", "the page is too wide")])
    context = CheckContext(brief, Pack(name="t", description={"en": "t"}), ("en",),
                           catalog=catalog_for_brief(brief.directory), documents={"en": failure})
    assert [(f.message, str(f.location)) for f in renders(context)] == [
        ("cannot render for 't' in 'en': template: the page is too wide", "templates/t/en.md.j2:3")]
