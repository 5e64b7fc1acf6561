"""`tarikh plot`: PNG and SVG figures with Kazakh and Azerbaijani names drawn, no missing glyphs."""
from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from PIL import Image

from tarikh.cli import main
from tarikh.errors import TarikhError
from tarikh.graph.network import load_store
from tarikh.graph.plots import lineage_figure, save, timeline_figure



def drawn(argv: list[str], out: Path) -> Path:
    """Run `tarikh plot …` with every warning an error (a missing glyph is a UserWarning)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert main([*argv, "--out", str(out)]) == 0
    return out


def assert_picture(path: Path, min_width: int = 800) -> None:
    with Image.open(path) as image:
        assert image.width >= min_width and image.height >= 300
        colours = image.convert("RGB").getcolors(maxcolors=1 << 16)
        assert colours is None or len(colours) > 20  # drawn, not blank


def test_timeline_png_and_svg(fixture_store, tmp_path):
    png = drawn(["plot", "--store", str(fixture_store), "timeline"], tmp_path / "timeline.png")
    assert_picture(png)
    svg = drawn(["plot", "--store", str(fixture_store), "timeline"], tmp_path / "timeline.svg")
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text and text.count("<path") > 20


def test_lineage_draws_kazakh_labels(fixture_store, tmp_path):
    png = drawn(["plot", "--store", str(fixture_store), "lineage", "Нұр Отанның"], tmp_path / "lineage.png")
    assert_picture(png)
    graph = load_store(fixture_store)
    figure = lineage_figure(graph.lineage, "https://w3id.org/tarikh/id/actor/otan")
    texts = [t.get_text() for t in figure.axes[0].texts]
    assert any("«Нұр Отан» халықтық-демократиялық партиясы" in t for t in texts)
    assert any("«Асар» республикалық партиясы" in t for t in texts)


def test_azerbaijani_and_kazakh_glyphs_render_without_warnings(tmp_path):
    from matplotlib.figure import Figure

    import tarikh.graph.plots as plots

    figure = plots.new_figure(4, 2)
    figure.text(0.05, 0.5, "Qazaxıstan Muxtar SSR-i, İctimai Komitə, ş ğ ə ı İ — Қазақстан ә ғ қ ң ө ұ ү һ і")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        save(figure, tmp_path / "glyphs.png")
    assert isinstance(figure, Figure) and (tmp_path / "glyphs.png").stat().st_size > 2000


def test_unknown_format_and_empty_range_are_errors(fixture_store, tmp_path):
    graph = load_store(fixture_store).events_actors
    with pytest.raises(TarikhError, match=r"\.pdf"):
        save(timeline_figure(graph), tmp_path / "x.pdf")
    with pytest.raises(TarikhError, match="no dated events"):
        timeline_figure(graph, 1700, 1800)


def test_corpus_timeline(built, tmp_path):
    png = drawn(["plot", "--store", str(built / "store"), "timeline"], tmp_path / "corpus-timeline.png")
    assert_picture(png, min_width=1200)


def test_lone_early_dates_do_not_stretch_the_timeline():
    from tarikh.graph.network import main_period_start

    years = [1200, 1467] + [1986 + i % 30 for i in range(60)]
    assert main_period_start(sorted(years)) == 1986
    assert main_period_start([1917, 1925, 1986, 1991]) == 1917  # a real early period stays
