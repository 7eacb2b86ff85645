"""The gallery export benchmark runs: a tiny version of `bench/export_gallery.py`."""

import pytest

from bench.export_gallery import run

pytestmark = pytest.mark.slow


def test_the_export_benchmark_measures_the_export_and_its_floor(camera_photos):
    result = run(2, source=camera_photos, workers=2)
    assert result["photos"] == 2
    assert result["seconds"] > 0 and result["floor_seconds"] > 0
    assert result["ratio_to_floor"] == pytest.approx(result["floor_seconds"] / result["seconds"])
