"""Quality pin: the development-gold figures of a corpus build may not drop below the committed baseline."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import GOLD

BASELINE = json.loads((Path(__file__).parent / "data" / "gold_baseline.json").read_text())
GOLD_SETS = ["s000_s002", "s001", "s004a", "s004b"]
TOLERANCE = 0.02


@pytest.fixture(scope="module")
def scores(built: Path) -> dict:
    if not (GOLD / "score.py").is_file():
        pytest.skip("the development gold (../shared/gold) is not beside this checkout")
    result = subprocess.run([sys.executable, str(GOLD / "score.py"), str(built / "events.jsonl"), *GOLD_SETS,
                             "--json"], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


@pytest.mark.parametrize("figure", ["f1", "strict_f1", "date_acc", "actor_recall"])
def test_headline_figures_hold(scores: dict, figure: str) -> None:
    assert scores["headline"][figure] >= BASELINE["headline"][figure] - TOLERANCE, scores["headline"]


def test_no_more_split_events_than_the_baseline(scores: dict) -> None:
    assert scores["headline"]["gold_with_duplicates"] <= BASELINE["headline"]["gold_with_duplicates"]
