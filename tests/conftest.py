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


# 000_6cb84ea4367d63e8.txt, line 17
INDEPENDENCE = ("1991 жылы 16 желтоқсанда Республиканың Жоғарғы Кеңесінің жетінші сессиясында «Қазақстан "
                "Республикасының Мемлекеттік тәуелсіздігі туралы» Заң қабылданды. Осы күні Қазақстан өз "
                "тәуелсіздігін жариялады.\n")
VIZ_FIXTURE = Path(__file__).parent / "data" / "viz_graph_fixture.ttl"


def build_excerpt(folder: Path) -> Path:
    """A build of the independence excerpt in `folder`; its output folder."""
    from tarikh.builder import build

    (folder / "independence.txt").write_text(INDEPENDENCE, encoding="utf-8")
    build([folder / "independence.txt"], folder / "out")
    return folder / "out"


@pytest.fixture(scope="module")
def fixture_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store loaded from the hand-made RDF fixture (tests/data/viz_graph_fixture.ttl)."""
    import pyoxigraph

    path = tmp_path_factory.mktemp("fixture") / "store"
    store = pyoxigraph.Store(str(path))
    store.bulk_load(path=str(VIZ_FIXTURE), format=pyoxigraph.RdfFormat.TURTLE)
    store.flush()
    del store
    return path

