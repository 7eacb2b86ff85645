"""Exports end to end on a real archive: the folder, its manifests, the ledger, the audit trail,
and that a cancelled or failed export leaves nothing behind."""

import hashlib
import json
import threading
import zipfile
from pathlib import Path

import pytest

from quiltarchive.archive import Archive
from quiltarchive.consent.consents import withdraw_consent
from quiltarchive.curation.collections import add_items, create_collection
from quiltarchive.errors import QuiltArchiveError
from quiltarchive.export.events import ExportEventKind, ExportKind
from quiltarchive.export.run import ExportFailed, export_collection
from quiltarchive.files import make_read_only
from quiltarchive.model.consent import Use
from quiltarchive.model.person import Credit
from quiltarchive.model.photo import ReviewState, Rights
from quiltarchive.photo_states import describe_photo
from tests.core.consent.scene import FACE


def everything_under(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def a_set(scene, count=3, use=Use.WEB, name="Spring fair"):
    archive = scene.archive
    adult = scene.adult("Amina Yusuf")
    consent = scene.consent(adult, uses=[Use.WEB, Use.PRINT], credit=Credit.FULL)
    photos = [scene.photo(ReviewState.NO_PEOPLE, Rights.STAFF) for _ in range(count - 1)]
    portrait = scene.reviewed_photo()
    scene.appears(portrait, adult, box=FACE)
    photos.insert(1, portrait)
    describe_photo(archive, photos[0], caption="Quilt <b>workshop</b> & tea", alt_text="A quilt")
    collection = create_collection(archive, name, use, "The spring fair at the library.")
    add_items(archive, collection.id, photos)
    return collection.id, photos, consent


@pytest.fixture
def exports(tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


def run(archive, collection_id, to, kind=ExportKind.GALLERY, **options):
    options.setdefault("workers", 1)
    return list(export_collection(archive, collection_id, kind, to, **options))


def test_a_gallery_is_complete_checkable_and_recorded(scene, exports):
    archive = scene.archive
    collection_id, photos, consent = a_set(scene)
    events = run(archive, collection_id, exports / "usb", make_zip=True)
    kinds = [e.kind for e in events]
    assert kinds[0] is ExportEventKind.PLANNED and kinds[-1] is ExportEventKind.FINISHED
    assert kinds.count(ExportEventKind.ITEM_DONE) == 3
    summary = events[-1].summary
    folder = exports / "usb"
    assert summary.destination == folder and summary.zip_path == exports / "usb.zip"
    assert not [p for p in exports.iterdir() if p.name.startswith(".")]  # no leftovers

    files = everything_under(folder)
    assert files == {
        "index.html",
        "data.js",
        "README.txt",
        "assets/gallery.css",
        "assets/gallery.js",
        "manifest.json",
        "manifest.csv",
        "manifest-sha256.txt",
        "images/001-quilt-b-workshop-b-tea.jpg",
        "images/002-photograph.jpg",
        "images/003-photograph.jpg",
        "thumbs/001-quilt-b-workshop-b-tea.jpg",
        "thumbs/002-photograph.jpg",
        "thumbs/003-photograph.jpg",
    }
    # The BagIt-style manifest lists every other file with its real SHA-256.
    listed = {}
    for line in (folder / "manifest-sha256.txt").read_text().splitlines():
        digest, name = line.split("  ", 1)
        listed[name] = digest
    assert set(listed) == files - {"manifest-sha256.txt"}
    for name, digest in listed.items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest

    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["use"] == "web" and manifest["kind"] == "gallery"
    assert [i["credit"] for i in manifest["items"]] == ["", "Amina Yusuf", ""]
    assert manifest["items"][1]["consent"]["consent_ids"] == [consent]
    pages_and_images = files - {"manifest.json", "manifest.csv", "manifest-sha256.txt"}
    assert {f["path"] for f in manifest["files"]} == pages_and_images
    csv_text = (folder / "manifest.csv").read_text(encoding="utf-8-sig")
    assert csv_text.splitlines()[0].startswith("file,sha256,bytes,role,item")

    data = json.loads((folder / "data.js").read_text().split("=", 1)[1].rstrip().rstrip(";"))
    assert data["items"][0]["caption"] == "Quilt <b>workshop</b> & tea"
    assert "<b>" not in (folder / "data.js").read_text()
    page = (folder / "index.html").read_text()
    assert "Quilt &lt;b&gt;workshop&lt;/b&gt; &amp; tea" in page
    assert "The spring fair at the library." in page

    with zipfile.ZipFile(exports / "usb.zip") as bundle:
        names = set(bundle.namelist())
        assert names == {f"usb/{name}" for name in files}
        for name in files:
            assert bundle.read(f"usb/{name}") == (folder / name).read_bytes()

    (publication,) = archive.ledger.publications()
    assert publication.id == summary.publication_id
    assert (publication.kind, publication.use, publication.user) == (
        "gallery",
        "web",
        "Test Librarian",
    )
    assert publication.destination == str(folder)
    assert publication.details["zip"] == str(exports / "usb.zip")
    by_name = {f.file_name: f for f in publication.files}
    assert set(by_name) == files
    assert by_name["images/002-photograph.jpg"].photo_id == photos[1]
    assert by_name["images/002-photograph.jpg"].consent_ids == (consent,)
    assert by_name["thumbs/002-photograph.jpg"].role == "thumbnail"
    assert by_name["index.html"].photo_id is None and by_name["index.html"].consent_ids == (
        consent,
    )
    for name, recorded in by_name.items():
        assert recorded.sha256 == hashlib.sha256((folder / name).read_bytes()).hexdigest()
    (entry,) = archive.audit.entries(entity_type="collection", entity_id=collection_id, limit=1)
    assert entry.action == "collection exported"
    assert entry.after["publication"] == publication.id


def test_an_existing_folder_receives_a_new_named_folder_each_time(scene, exports):
    collection_id, _, _ = a_set(scene, count=1, name="Café à Burnt Oak!")
    stick = exports / "stick"
    stick.mkdir()
    (stick / "other.txt").write_text("someone else's file")
    first = run(scene.archive, collection_id, stick, kind=ExportKind.PACK)[-1].summary
    second = run(scene.archive, collection_id, stick, kind=ExportKind.PACK)[-1].summary
    assert first.destination == stick / "cafe-a-burnt-oak-pack"
    assert second.destination == stick / "cafe-a-burnt-oak-pack-2"
    assert (stick / "other.txt").read_text() == "someone else's file"
    assert everything_under(first.destination) == {
        "001-quilt-b-workshop-b-tea.jpg",
        "captions-and-credits.csv",
        "manifest-sha256.txt",
    }


@pytest.mark.parametrize("workers", [1, 2])
def test_cancel_leaves_nothing_behind(scene, exports, workers):
    collection_id, _, _ = a_set(scene, count=4)
    cancel = threading.Event()
    events = []
    for event in export_collection(
        scene.archive,
        collection_id,
        ExportKind.GALLERY,
        exports / "out",
        make_zip=True,
        workers=workers,
        cancel=cancel,
    ):
        events.append(event)
        if event.kind is ExportEventKind.ITEM_DONE:
            cancel.set()
    summary = events[-1].summary
    assert summary.cancelled and summary.destination is None
    assert list(exports.iterdir()) == []
    assert scene.archive.ledger.publications() == []


def test_a_failure_at_the_last_step_undoes_everything(scene, exports):
    collection_id, _, _ = a_set(scene)
    events = export_collection(
        scene.archive, collection_id, ExportKind.GALLERY, exports / "out", make_zip=True, workers=1
    )
    with pytest.raises(ExportFailed, match=r"could not be written.*Nothing was left"):
        for event in events:
            if event.kind is ExportEventKind.ITEM_DONE and not (exports / "out.zip").exists():
                (exports / "out.zip").mkdir()  # something takes the zip's place meanwhile
                (exports / "out.zip" / "x").write_text("x")
    assert sorted(p.name for p in exports.iterdir()) == ["out.zip"]
    assert scene.archive.ledger.publications() == []
    assert all(
        e.action != "collection exported"
        for e in scene.archive.audit.entries(entity_type="collection", entity_id=collection_id)
    )


def test_a_consent_withdrawn_during_the_export_stops_it(scene, exports):
    collection_id, _, consent = a_set(scene)
    events = export_collection(
        scene.archive, collection_id, ExportKind.SIDECARS, exports / "out", workers=1
    )
    plan = next(events).plan
    assert len(plan.included) == 3
    withdraw_consent(scene.archive, consent, plan.day, "phoned the library")
    with pytest.raises(ExportFailed, match=r"consent for item .* changed.*withdrew"):
        list(events)
    assert list(exports.iterdir()) == []
    assert scene.archive.ledger.publications() == []


def test_a_damaged_original_is_left_out_with_the_reason_and_the_rest_goes(scene, exports):
    archive = scene.archive
    collection_id, photos, _ = a_set(scene)
    damaged = archive.photos.get(photos[2])
    original = archive.layout.original_path(damaged.sha256, damaged.extension)
    data = original.read_bytes()
    original.chmod(0o644)
    original.write_bytes(data[: len(data) // 2])
    make_read_only(original)
    summary = run(archive, collection_id, exports / "out", kind=ExportKind.PACK)[-1].summary
    assert [e.ref for e in summary.exported] == [str(photos[0]), str(photos[1])]
    (left,) = summary.left_out
    assert left.item.target_id == photos[2]
    assert "could not be exported" in left.reasons[0]
    (publication,) = archive.ledger.publications()
    assert photos[2] not in {f.photo_id for f in publication.files}


def test_nothing_allowed_means_nothing_written_and_a_read_only_archive_cannot_export(
    scene, exports
):
    archive = scene.archive
    unreviewed = scene.photo()
    collection = create_collection(archive, "Not yet", Use.PRESS)
    add_items(archive, collection.id, [unreviewed])
    summary = run(archive, collection.id, exports / "out")[-1].summary
    assert summary.nothing_exported and len(summary.left_out) == 1
    assert not (exports / "out").exists()
    root = archive.layout.root
    archive.close()
    with (
        Archive.open(root, writable=False) as reader,
        pytest.raises(QuiltArchiveError, match="for writing"),
    ):
        run(reader, collection.id, exports / "out")
