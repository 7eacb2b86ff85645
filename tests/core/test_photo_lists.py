"""The photo lists behind the app's grid and search: ordered ids, filters, collections."""

from datetime import date

from PIL import Image

from quiltarchive.consent.appearances import add_appearance
from quiltarchive.consent.people import add_person
from quiltarchive.events import ensure_event
from quiltarchive.importing.pipeline import import_photos
from quiltarchive.model.photo_query import PhotoQuery
from quiltarchive.photo_states import describe_photo
from quiltarchive.storage.collections import CollectionStore
from quiltarchive.storage.search import match_expression


def imported(archive, folder, count, event_id=None):
    folder.mkdir()
    for n in range(count):
        Image.new("RGB", (40, 30), (n * 40 % 256, 90, 200)).save(folder / f"IMG_{n}.png")
    list(import_photos(archive, [folder], event_id=event_id, workers=1))
    return [p.id for p in archive.photos.list() if p.file_name.startswith("IMG_")]


def test_ids_come_in_capture_order_with_unknown_times_last(archive, corpus):
    list(import_photos(archive, [corpus / "exif-samples/jpg/gps"], workers=1))
    assert archive.photos.ordered_ids() == [p.id for p in archive.photos.list()]


def test_search_words_filters_and_their_combination(archive, tmp_path):
    workshop = ensure_event(archive, "Quilt workshop, Burnt Oak Library")
    in_workshop = imported(archive, tmp_path / "a", 3, event_id=workshop.id)
    elsewhere = [i for i in imported(archive, tmp_path / "b", 5) if i not in in_workshop]
    describe_photo(archive, in_workshop[0], caption="Amína sewing the border")
    describe_photo(archive, elsewhere[0], alt_text="A border of blue hexagons")
    grace = add_person(archive, "Grace Okafor")
    add_appearance(archive, elsewhere[1], grace.id)

    ids = archive.photos.ordered_ids
    assert ids(PhotoQuery(text="bord")) == sorted([in_workshop[0], elsewhere[0]])
    assert ids(PhotoQuery(text="amina")) == [in_workshop[0]]  # accents do not matter
    assert ids(PhotoQuery(text="okafor")) == [elsewhere[1]]
    assert ids(PhotoQuery(text="burnt oak")) == in_workshop
    assert ids(PhotoQuery(text="border", event_id=workshop.id)) == [in_workshop[0]]
    assert ids(PhotoQuery(person_id=grace.id)) == [elsewhere[1]]
    assert ids(PhotoQuery(text='"border" -* ( ) :')) == sorted([in_workshop[0], elsewhere[0]])
    assert ids(PhotoQuery(text="   ")) == ids()
    assert not PhotoQuery(text="  ").narrows and PhotoQuery(person_id=1).narrows


def test_capture_day_range_is_inclusive(archive, corpus):
    list(import_photos(archive, [corpus / "exif-samples/jpg/gps"], workers=1))
    photos = [p for p in archive.photos.list() if p.taken_at]
    day = date.fromisoformat(photos[0].taken_at[:10])
    same_day = [p.id for p in photos if p.taken_at[:10] == day.isoformat()]
    assert archive.photos.ordered_ids(PhotoQuery(taken_from=day, taken_to=day)) == same_day
    assert archive.photos.ordered_ids(PhotoQuery(taken_to=date(1900, 1, 1))) == []


def test_typed_punctuation_never_reaches_fts_as_syntax():
    assert match_expression('quilt "border" -x') == '"quilt"* "border"* "x"*'
    assert match_expression("NEAR( * ^") == '"NEAR"*'
    assert match_expression("!!!") == ""


def test_collections_are_listed_with_their_photos_in_order(archive, tmp_path):
    photo_ids = imported(archive, tmp_path / "a", 3)
    store = CollectionStore(archive.db)
    with archive.atomic():
        spring = store.create("Spring newsletter", "print")
        store.create("another", None)
        for photo_id in reversed(photo_ids):
            store.add_photo(spring, photo_id)
    assert [(c.name, c.use, c.item_count) for c in store.all()] == [
        ("another", None, 0),
        ("Spring newsletter", "print", 3),
    ]
    assert store.photo_ids(spring) == list(reversed(photo_ids))


def test_one_imports_photos_are_listed_by_its_batch(archive, tmp_path):
    first = imported(archive, tmp_path / "card-1", 3)
    second = [i for i in imported(archive, tmp_path / "card-2", 5) if i not in first]
    batch = archive.photos.get(second[0]).batch_id

    assert archive.photos.ordered_ids(PhotoQuery(batch_id=batch)) == sorted(
        second, key=archive.photos.ordered_ids().index
    )
    assert PhotoQuery(batch_id=batch).narrows
