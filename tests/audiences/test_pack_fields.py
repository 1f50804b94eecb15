"""A pack declares its own fields (typed), a brief fills them, templates print them; templates know the word count."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from briefbuilder.pipeline import check_brief, render_brief
from briefbuilder.wordcount import count_words

MANIFEST = """\
extends: un-upr
description: {en: Our UPR submission, ko: 우리 UPR 보고서}
fields:
  consultative_status: {type: text, required: true, description: ECOSOC consultative status}
  founded: {type: date}
  members: {type: number}
"""
TEMPLATE = """\
{% extends "builtin/un-upr/submission.md.j2" %}
{% block cover %}
{{ super() }}
ECOSOC: {{ fields.consultative_status }}; founded {{ fields.founded }}; {{ fields.members }} members.

Words: {{ word_count() }} of {{ word_limit() }}.

{% endblock %}
"""


@pytest.fixture
def packs(tmp_path: Path) -> Path:
    folder = tmp_path / "packs" / "our-upr"
    folder.mkdir(parents=True)
    (folder / "pack.yaml").write_text(MANIFEST, encoding="utf-8")
    (folder / "submission.md.j2").write_text(TEMPLATE, encoding="utf-8")
    return folder.parent


FIELDS = ("  fields:\n    consultative_status: {en: Special consultative status since 2019, ko: 2019년부터 특별협의지위}\n"
          "    founded: 2003-05-01\n    members: 1200\n")


def test_the_brief_fills_the_packs_fields_and_templates_print_them(packs: Path, write_brief: Callable[..., Path]) -> None:
    brief = write_brief(replace={"  state: KP\n": "  state: KP\n" + FIELDS})
    assert not [f for f in check_brief(brief, audience="our-upr", template_dirs=[packs]) if f.rule == "constraints.pack-fields"]
    english = render_brief(brief, "en", audience="our-upr", template_dirs=[packs]).markdown
    assert "ECOSOC: Special consultative status since 2019; founded 1 May 2003; 1,200 members." in english
    korean = render_brief(brief, "ko", audience="our-upr", template_dirs=[packs]).markdown
    assert "ECOSOC: 2019년부터 특별협의지위;" in korean


def test_word_count_is_the_finished_documents_as_the_audience_counts_it(packs: Path,
                                                                        write_brief: Callable[..., Path]) -> None:
    brief = write_brief(replace={"  state: KP\n": "  state: KP\n" + FIELDS})
    document = render_brief(brief, "en", audience="our-upr", template_dirs=[packs])
    line = next(line for line in document.markdown.splitlines() if line.startswith("Words: "))
    printed = int(line.split()[1].replace(",", ""))
    assert printed == count_words(document.markdown, ["cover", "notes"]) and line.endswith(" of 2,815.")


@pytest.mark.parametrize(("fields", "says"), [
    ("", "requires brief.fields.consultative_status (text: ECOSOC consultative status)"),
    ("  fields: {consultative_status: {en: Special}}\n", "has no 'ko' text"),
    ("  fields: {consultative_status: {en: S, ko: S}, founded: 2003}\n", "brief.fields.founded is not date"),
    ("  fields: {consultative_status: {en: S, ko: S}, members: many}\n", "brief.fields.members is not number"),
])
def test_a_missing_or_mistyped_field_is_located_in_the_brief(packs: Path, write_brief: Callable[..., Path],
                                                             fields: str, says: str) -> None:
    brief = write_brief(replace={"  state: KP\n": "  state: KP\n" + fields})
    [finding] = [f for f in check_brief(brief, audience="our-upr", languages=["en", "ko"], template_dirs=[packs])
                 if f.rule == "constraints.pack-fields"]
    assert says in finding.message
    assert finding.location is not None and finding.location.file == str(brief / "brief.yaml")
