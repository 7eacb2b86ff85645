"""Small runs of the benchmarks, so they never rot (their figures are not judged here: timings
on a shared CI machine mean nothing; `make bench` is run by hand on a quiet machine)."""

import os

from bench import (
    catalogue,
    consent_assess,
    first_touch,
    import_photos,
    profile_import,
    query_plans,
)


def test_the_import_benchmark_runs_against_its_floor(camera_photos):
    result = import_photos.run(6, workers=2, repeats=1, folder=camera_photos)
    assert result["photos"] == 6
    assert result["import_per_second"] > 0 and result["floor_per_second"] > 0
    assert "target >= 0.8" in import_photos.report(result)


def test_the_first_touch_benchmark_times_new_and_rewritten_files(camera_photos):
    result = first_touch.run(6, camera_photos)
    assert result["megabytes_a_file"] > 1
    assert 0 < result["new_min_ms"] <= result["new_median_ms"] <= result["new_max_ms"]
    assert 0 < result["rewritten_min_ms"] <= result["rewritten_median_ms"]
    assert "rewriting one file" in first_touch.report(result)


def test_the_catalogue_benchmark_measures_every_list_and_memory(tmp_path):
    rows = catalogue.run(1_000, tmp_path / "catalogue")
    names = [row["what"] for row in rows]
    for expected in (
        "open the archive and read the grid's first page",
        "smart list: withheld",
        "smart list: needs review (warm)",
        "smart list: ready for press (cold)",
        "smart list: ready for web after a librarian records a consent",
        "assess-all for web: which photos may go (cold)",
        "peak memory (RSS) of all the above",
    ):
        assert expected in names
    table = catalogue.table(rows)
    assert table.count("\n") == len(rows) + 1
    assert all(row["ms"] is None or row["ms"] >= 0 for row in rows)


def test_the_consent_benchmark_agrees_with_itself(tmp_path):
    result = consent_assess.run(1_000, tmp_path / "archive", repeats=1)
    assert 0 < result["allowed"] < 1_000  # the bulk and per-photo paths were checked equal
    assert result["ready_seconds"] > 0 and os.cpu_count()


def test_the_smart_lists_read_through_indexes(tmp_path):
    folder = tmp_path / "catalogue"
    catalogue.build(folder, 1_000)
    plans = query_plans.report(folder)
    for heading in ("## Needs review", "## Consent expiring", "## Ready for web", "## Withheld"):
        assert heading in plans
    assert "SEARCH photos USING COVERING INDEX photos_review_state" in plans
    assert "SEARCH appearances USING COVERING INDEX appearances_identifiable" in plans
    # a search that matches much of the archive reads ids in the grid's order, unsorted
    search = plans[plans.index("## Search") :]
    assert "SCAN photos USING COVERING INDEX photos_capture_order" in search
    assert "TEMP B-TREE FOR ORDER BY" not in search
    # no smart list passes over the photos or appearances tables row by row
    assert "SCAN photos\n" not in plans and "SCAN appearances\n" not in plans


def test_the_import_profile_shows_where_the_time_goes(camera_photos):
    text = profile_import.profile(camera_photos, 2)
    assert text.startswith("Per-file work of 2 photos in one process")
    for stage in ("process_file", "make_renditions"):
        assert stage in text
