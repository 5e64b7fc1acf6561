"""Shared fixtures: one build of the bundled corpus per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "gold"


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The output folder of `tarikh build` over the bundled corpus."""
    from tarikh.builder import build

    out = tmp_path_factory.mktemp("build") / "out"
    build(None, out)
    return out
