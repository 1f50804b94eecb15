"""The house stays one-way: imports run load -> check | render -> write -> pipeline -> entry points.

The contracts live in pyproject.toml ([tool.importlinter]) and are checked by
import-linter, which reads every import statement, lazy (inside a function) and
typing-only (under TYPE_CHECKING) ones included.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

import pytest
from importlinter.cli import lint_imports

import briefbuilder
from testdata import REPO


def test_imports_run_one_way_with_no_circle(capsys: pytest.CaptureFixture[str]) -> None:
    status = lint_imports(config_filename=str(REPO / "pyproject.toml"), no_cache=True, no_logo=True)
    report = capsys.readouterr().out
    assert status == 0, report
    assert "2 kept, 0 broken" in report, report


def _packages(package: ModuleType) -> list[ModuleType]:
    found = [package]
    for info in pkgutil.iter_modules(package.__path__):
        if info.ispkg:
            found += _packages(importlib.import_module(f"{package.__name__}.{info.name}"))
    return found


@pytest.mark.parametrize("package", _packages(briefbuilder), ids=lambda package: package.__name__)
def test_no_name_in_a_package_hides_one_of_its_modules(package: ModuleType) -> None:
    """``from briefbuilder.render import environment`` must give the module, not a function of that name."""
    for info in pkgutil.iter_modules(package.__path__):
        if info.name == "__main__" or info.name not in vars(package):
            continue
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        assert vars(package)[info.name] is module, (
            f"{package.__name__}.{info.name} is a {type(vars(package)[info.name]).__name__}, hiding the module")
