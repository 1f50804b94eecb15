"""What a script author sees from a brief built in Python: where a problem is, how to fix it, what the brief keeps."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from testdata import MINIMAL_BRIEF

from briefbuilder import LoadError, brief_from_dict, update_statistic
from briefbuilder.load.yamlsource import read_yaml


def minimal_data(tmp_path: Path) -> dict[str, Any]:
    (tmp_path / "brief.yaml").write_text(MINIMAL_BRIEF, encoding="utf-8")
    data, _ = read_yaml(tmp_path / "brief.yaml")
    return data


def test_an_unknown_statistic_to_update_gets_the_closest_id_or_the_known_ones(tmp_path: Path) -> None:
    brief = brief_from_dict(minimal_data(tmp_path))
    with pytest.raises(LoadError) as caught:
        update_statistic(brief, "victim", value=114)
    assert str(caught.value) == "error: statistics: unknown statistic 'victim' (did you mean 'victims'?)"
    with pytest.raises(LoadError) as caught:
        update_statistic(brief, "deaths", value=114)
    assert str(caught.value) == "error: statistics: unknown statistic 'deaths' (known: share, victims)"
    empty = brief_from_dict({**minimal_data(tmp_path), "statistics": [],
                             "sections": [{"id": "findings", "heading": {"en": "Findings", "ko": "조사 결과"},
                                           "text": {"en": "Many vanished.", "ko": "많은 이가 실종되었습니다."}}]})
    with pytest.raises(LoadError) as caught:
        update_statistic(empty, "victims", value=114)
    assert str(caught.value) == "error: statistics: unknown statistic 'victims' (the brief has no statistics)"
