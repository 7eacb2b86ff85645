"""A small run of the GUI responsiveness benchmark (bench/gui_responsiveness.py), so it never
rots: a synthetic 2,000-photo archive, launch to painted grid, then a scroll to the bottom."""

import pytest

from bench.gui_responsiveness import report, run
from tests.conftest import CACHE


@pytest.mark.slow
def test_the_gui_benchmark_runs_and_reports(capsys):
    result = run(2_000, CACHE / "gui-benchmark-2000", ticks=40)
    assert result["photos"] == 2_000
    assert result["reached_bottom"]
    assert result["scroll_ticks"] >= 40
    # Lenient bounds: a smoke test on a shared machine, not the benchmark's own targets.
    assert 0 < result["painted_s"] < 10
    assert result["thumbnails_s"] < 10 and result["badges_s"] < 20
    assert 0 < result["longest_block_ms"] < 1000
    assert len(result["lists_ms"]) == 9  # every smart list and two searches were shown
    assert all(0 < ms < 10_000 for ms in result["lists_ms"].values())
    report(result)
    printed = capsys.readouterr().out
    assert "launch to painted grid" in printed and "longest GUI-thread block" in printed
    assert "click “Ready for web” to the grid showing it" in printed
