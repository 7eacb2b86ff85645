"""Blurring is irreversible: inside a blurred region the detail is gone, two different faces
come out alike, sharpening brings nothing back, and nothing outside the region changes."""

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from quiltarchive.consent.appearances import add_appearance
from quiltarchive.curation.collections import add_items, create_collection
from quiltarchive.export.blur import blur_regions, region_in_pixels
from quiltarchive.export.events import ExportKind
from quiltarchive.export.run import export_collection
from quiltarchive.importing.pipeline import import_photos
from quiltarchive.model.appearance import Box
from quiltarchive.model.consent import Use
from quiltarchive.model.photo import ReviewState, Rights
from quiltarchive.photo_states import set_review_state, set_rights

FACE_BOX = Box(0.35, 0.2, 0.3, 0.45)


def face(size=(1200, 900), *, eyes_apart=0.28, mouth="smile", seed=1):
    """A face-like drawing with fine texture: skin, hair stripes, eyes, brows, nose, mouth."""
    rng = np.random.default_rng(seed)
    background = rng.integers(90, 140, (size[1], size[0], 3), dtype=np.uint8)
    image = Image.fromarray(background, "RGB")
    draw = ImageDraw.Draw(image)
    w, h = size
    left, top = FACE_BOX.x * w, FACE_BOX.y * h
    fw, fh = FACE_BOX.w * w, FACE_BOX.h * h
    draw.ellipse([left, top, left + fw, top + fh], fill=(224, 182, 150))
    for stripe in range(0, int(fw), 6):  # hair
        draw.line(
            [left + stripe, top, left + stripe + 10, top + fh * 0.18], fill=(30, 20, 10), width=3
        )
    for side in (-1, 1):
        cx = left + fw / 2 + side * fw * eyes_apart
        cy = top + fh * 0.42
        draw.ellipse([cx - 22, cy - 12, cx + 22, cy + 12], fill="white")
        draw.ellipse([cx - 8, cy - 8, cx + 8, cy + 8], fill=(20, 40, 90))
        draw.line([cx - 26, cy - 26, cx + 26, cy - 30], fill=(40, 25, 10), width=6)
    nose = left + fw / 2
    draw.line(
        [nose, top + fh * 0.45, nose - 12, top + fh * 0.62, nose + 8, top + fh * 0.64],
        fill=(150, 90, 70),
        width=4,
    )
    mouth_box = [left + fw * 0.32, top + fh * 0.72, left + fw * 0.68, top + fh * 0.82]
    if mouth == "smile":
        draw.arc(mouth_box, 10, 170, fill=(140, 30, 40), width=7)
    else:
        draw.line(
            [mouth_box[0], mouth_box[1] + 20, mouth_box[2], mouth_box[1] + 10],
            fill=(140, 30, 40),
            width=7,
        )
    return image


def grey(image, box=None):
    array = np.asarray(image.convert("L"), dtype=np.float64)
    if box is None:
        return array
    left, top, right, bottom = box
    return array[top:bottom, left:right]


def detail(array):
    """Variance of a Laplacian: how much fine structure (edges, features) there is."""
    lap = (
        -4 * array[1:-1, 1:-1]
        + array[:-2, 1:-1]
        + array[2:, 1:-1]
        + array[1:-1, :-2]
        + array[1:-1, 2:]
    )
    return float(lap.var())


def high_pass(array):
    smooth = np.asarray(
        Image.fromarray(array.astype(np.uint8)).filter(ImageFilter.GaussianBlur(3)),
        dtype=np.float64,
    )
    return array - smooth


def correlation(a, b):
    a, b = a - a.mean(), b - b.mean()
    return float((a * b).sum() / np.sqrt((a * a).sum() * (b * b).sum() + 1e-9))


def test_the_detail_of_a_face_is_gone_and_the_rest_untouched():
    original = face()
    blurred = blur_regions(original, (FACE_BOX,))
    region = region_in_pixels(FACE_BOX, *original.size)
    before, after = grey(original, region), grey(blurred, region)
    assert detail(after) < detail(before) * 0.01
    outside = np.ones(grey(original).shape, bool)
    outside[region[1] : region[3], region[0] : region[2]] = False
    assert np.array_equal(grey(original)[outside], grey(blurred)[outside])


def test_two_different_faces_cannot_be_told_apart_once_blurred():
    one = face(eyes_apart=0.28, mouth="smile", seed=1)
    other = face(eyes_apart=0.18, mouth="straight", seed=1)
    region = region_in_pixels(FACE_BOX, *one.size)
    before = np.abs(grey(one, region) - grey(other, region))
    a, b = (grey(blur_regions(i, (FACE_BOX,)), region) for i in (one, other))
    after = np.abs(a - b)
    assert before.max() > 100  # the eyes and mouths differ plainly
    assert after.mean() < before.mean() * 0.1
    assert after.max() <= 8  # at most a faint shade, nowhere a feature


def test_sharpening_brings_nothing_of_the_face_back():
    original = face()
    blurred = blur_regions(original, (FACE_BOX,))
    region = region_in_pixels(FACE_BOX, *original.size)
    attempt = blurred.filter(ImageFilter.UnsharpMask(radius=20, percent=500, threshold=0))
    attempt = attempt.filter(ImageFilter.UnsharpMask(radius=4, percent=500, threshold=0))
    features = high_pass(grey(original, region))
    recovered = high_pass(grey(attempt, region))
    assert abs(correlation(features, recovered)) < 0.1
    control = high_pass(grey(original.filter(ImageFilter.GaussianBlur(2)), region))
    assert correlation(features, control) > 0.5  # a light blur would have kept the face


def test_an_export_blurs_on_the_full_pixels_before_any_resizing(archive, tmp_path):
    card = tmp_path / "card"
    card.mkdir()
    face().save(card / "IMG_0001.jpg", quality=95)
    list(import_photos(archive, [card], workers=1))
    (photo,) = archive.photos.list()
    set_rights(archive, photo.id, Rights.STAFF)
    add_appearance(archive, photo.id, None, box=FACE_BOX)
    set_review_state(archive, photo.id, ReviewState.REVIEWED)
    collection = create_collection(archive, "Fair", Use.PRESS)
    add_items(archive, collection.id, [photo.id])
    (tmp_path / "out").mkdir()
    summaries = {}
    for kind in (ExportKind.PACK, ExportKind.GALLERY):
        events = list(
            export_collection(
                archive,
                collection.id,
                kind,
                tmp_path / "out" / kind.value,
                blur_unconsented=True,
                workers=1,
            )
        )
        summaries[kind] = events[-1].summary
    pack = summaries[ExportKind.PACK]
    (item,) = pack.exported
    assert item.blurred_regions == 1
    exported = Image.open(pack.destination / item.files[0])
    assert exported.size == (1200, 900)
    region = region_in_pixels(FACE_BOX, 1200, 900)
    original = face()
    assert detail(grey(exported, region)) < detail(grey(original, region)) * 0.02
    gallery = summaries[ExportKind.GALLERY].destination
    for name in ("images", "thumbs"):
        (small,) = (gallery / name).glob("*.jpg")
        shown = Image.open(small).resize((1200, 900))
        assert (
            detail(grey(shown, region))
            < detail(
                grey(
                    original.resize(small.size if False else Image.open(small).size).resize(
                        (1200, 900)
                    ),
                    region,
                )
            )
            * 0.2
        )
    publication = archive.ledger.publications()[0]
    assert all(f.blurred == 1 for f in publication.files if f.photo_id == photo.id)
