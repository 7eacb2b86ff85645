"""A big quilt of camera-size photos renders without holding its photos or its picture in
memory: the process grows by no more than a row's worth while the poster grows by megabytes
a row. (bench/quilt_render.py measures the peak: see the README.)"""

import pytest
from PIL import Image

from bench.quilt_render import build
from quiltarchive.works import render
from quiltarchive.works.render import RenderOptions, render_quilt

pytestmark = pytest.mark.slow
MB = 1 << 20


def resident_bytes():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * 4096


def test_a_ten_by_ten_quilt_of_12_megapixel_photos_streams(tmp_path, camera_photos, monkeypatch):
    archive = build(tmp_path, camera_photos, 10, 10)
    monkeypatch.setattr(render, "CACHE_CELLS", 0)  # decode every row's photos afresh
    resident = []
    destination = tmp_path / "poster.png"
    report = render_quilt(
        archive,
        "Bench quilt",
        destination,
        RenderOptions(width=4800, from_originals=True),
        progress=lambda done, total: resident.append(resident_bytes()),
    )
    archive.close()
    assert len(resident) == 10 and report.shown == tuple(f"P-{n:04d}" for n in range(1, 101))
    row_bytes = report.width * (report.layout.cell + report.layout.seam) * 3
    growth = max(resident) - resident[2]
    # Holding the picture would add a row's pixels (about 6 MB) for each of the last 7 rows;
    # holding the photos, 36 MB for each 12 MP photo decoded in full. The allocator's own
    # slack accounts for a row or two.
    assert growth < 3 * row_bytes, f"grew {growth / MB:.0f} MB over the last rows"
    with Image.open(destination) as poster:
        assert poster.size == (report.width, report.height) == (4800, report.height)
        poster.load()  # the streamed PNG decodes whole
