"""A synthetic archive at campaign scale, with realistic proportions, for the benchmarks.

Rows go straight in through sqlite-utils (the benchmark measures reading and deciding, not the
import); thumbnails and previews are hard links to one placeholder picture each.
"""

import hashlib
import os
import random
import shutil
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PIL import Image

from quiltarchive.archive import Archive
from quiltarchive.storage.migrations import MIGRATIONS

USES = ["archive", "exhibition", "print", "web", "social", "press"]


def fake_sha(n: int) -> str:
    return hashlib.sha256(f"photo-{n}".encode()).hexdigest()


def build(root: Path, photos: int = 100_000, seed: int = 7, with_files: bool = True) -> Path:
    """Create (or reuse) an archive in `root` with `photos` photo rows and what goes with them."""
    # a newer schema (another migration) means building again
    schema = len(MIGRATIONS._migrations)
    marker = root / f".synthetic-{photos}-{seed}-schema{schema}"
    if marker.exists():
        return root
    # Built under another name and renamed when whole, so a failed build is never reused.
    final, root = root, root.with_name(f".{root.name}.partial")
    shutil.rmtree(root, ignore_errors=True)
    if final.exists():
        if any(final.iterdir()) and not any(final.glob(".synthetic-*")):
            raise SystemExit(f"{final} is not a synthetic benchmark archive; choose another folder")
        shutil.rmtree(final)
    random.seed(seed)
    started = time.perf_counter()
    archive = Archive.create(root, user="Benchmark")
    db = archive.db
    people_count = max(10, photos // 12)
    events = [
        {
            "id": i,
            "name": f"Quilt workshop {i}",
            "held_on": (date(2024, 1, 1) + timedelta(days=i)).isoformat(),
            "venue": random.choice(
                ["Burnt Oak Library", "Hendon Library", "Chipping Barnet Library"]
            ),
            "notes": "",
            "created_at": "2026-01-01T00:00:00+00:00",
        }
        for i in range(1, max(2, photos // 200) + 1)
    ]
    db["events"].insert_all(events)
    db["import_batches"].insert(
        {
            "id": 1,
            "started_at": "2026-01-01T00:00:00+00:00",
            "status": "complete",
            "user": "Benchmark",
            "sources": "[]",
        }
    )
    start = date(2024, 1, 1)

    def photo_rows():
        for n in range(1, photos + 1):
            taken = start + timedelta(minutes=n * 7)
            yield {
                "id": n,
                "sha256": fake_sha(n),
                "file_name": f"IMG_{n % 10000:04d}.JPG",
                "extension": "jpg",
                "format": "JPEG",
                "size_bytes": 4_000_000,
                "width": 4000,
                "height": 3000,
                "orientation": 1,
                "taken_at": taken.isoformat() if isinstance(taken, date) else taken,
                "taken_at_source": "exif-local",
                "camera_make": "Canon",
                "camera_model": "Canon EOS R50",
                "iptc_caption": "",
                "iptc_keywords": "[]",
                "caption": random.choice(
                    [
                        "",
                        "",
                        "Patch close-up",
                        "Workshop table",
                        "Sewing the border",
                        "Families at the library",
                    ]
                ),
                "alt_text": "",
                "review_state": random.choices(
                    ["reviewed", "no-people", "unreviewed"], [60, 20, 20]
                )[0],
                "rights": random.choices(["staff", "licensed", "unknown"], [80, 5, 15])[0],
                "licence": "",
                "withheld": int(random.random() < 0.01),
                "batch_id": 1,
                "event_id": 1 + n * len(events) // (photos + 1),
                "imported_at": "2026-01-01T00:00:00+00:00",
            }

    db["photos"].insert_all(photo_rows(), batch_size=5000)
    people, guardianships = [], []
    for pid in range(1, people_count + 1):
        child = random.random() < 0.3
        people.append(
            {
                "id": pid,
                "name": f"Person {pid} Surname{pid % 97}",
                "credit": random.choice(["full", "first", "initials", "none"]),
                "birth_year": random.randint(2010, 2020) if child else random.randint(1940, 2000),
                "age_band": None,
                "do_not_identify": int(random.random() < 0.02),
                "notes": "",
                "created_at": "2026-01-01T00:00:00+00:00",
            }
        )
        if child and pid > 1:
            guardianships.append({"person_id": pid, "guardian_id": random.randint(1, pid - 1)})
    db["people"].insert_all(people, batch_size=5000)
    db["guardianships"].insert_all(guardianships, batch_size=5000, ignore=True)
    guardians_of = {g["person_id"]: g["guardian_id"] for g in guardianships}
    consents, withdrawals = [], []
    cid = 0
    for pid in range(1, people_count + 1):
        for _ in range(random.choice([0, 1, 1, 1, 2])):
            cid += 1
            given = start + timedelta(days=random.randint(0, 700))
            consents.append(
                {
                    "id": cid,
                    "person_id": pid,
                    "given_by_id": guardians_of.get(pid, pid),
                    "given_on": given.isoformat(),
                    "method": "paper",
                    "form_ref": f"F-{cid:05d}",
                    "uses": ",".join(sorted(random.sample(USES, random.randint(1, 6)))),
                    "credit": None,
                    "story": int(random.random() < 0.5),
                    "expires_on": (given + timedelta(days=random.randint(200, 1200))).isoformat()
                    if random.random() < 0.3
                    else None,
                    "supersedes_id": None,
                    "recorded_at": "2026-01-01T00:00:00+00:00",
                }
            )
            if random.random() < 0.05:
                withdrawals.append(
                    {
                        "consent_id": cid,
                        "withdrawn_on": (given + timedelta(days=30)).isoformat(),
                        "note": "",
                        "recorded_at": "2026-01-01T00:00:00+00:00",
                    }
                )
    db["consents"].insert_all(consents, batch_size=5000)
    db["consent_withdrawals"].insert_all(withdrawals, batch_size=5000)

    def appearance_rows():
        aid = 0
        for n in range(1, photos + 1):
            for _ in range(random.choice([0, 0, 1, 1, 2, 3])):
                aid += 1
                known = random.random() < 0.9
                x, y = random.random() * 0.7, random.random() * 0.6
                yield {
                    "id": aid,
                    "photo_id": n,
                    "person_id": random.randint(1, people_count) if known else None,
                    "box_x": x,
                    "box_y": y,
                    "box_w": 0.2,
                    "box_h": 0.3,
                    "identifiable": int(random.random() < 0.85),
                    "created_at": "2026-01-01T00:00:00+00:00",
                }

    db["appearances"].insert_all(appearance_rows(), batch_size=5000)
    for c in range(1, 51):
        db["collections"].insert(
            {
                "id": c,
                "name": f"Collection {c}",
                "use": "web",
                "created_at": "2026-01-01T00:00:00+00:00",
            }
        )
        db["collection_items"].insert_all(
            {"collection_id": c, "position": i, "kind": "photo", "photo_id": photo_id}
            for i, photo_id in enumerate(random.sample(range(1, photos + 1), min(100, photos)), 1)
        )
    _works(db, photos, people_count)
    db.conn.commit()
    with archive.atomic():
        archive.search_index.reindex_all()
        archive.work_search.reindex_all()
    if with_files:
        _placeholder_files(archive, photos)
    archive.close()
    (root / marker.name).write_text(f"built in {time.perf_counter() - started:.1f}s\n")
    root.rename(final)
    return final


LINKS_PER_PLACEHOLDER = 50_000  # ext4 allows 65,000 hard links to one file


def _works(db: Any, photos: int, people_count: int) -> None:
    """Quilts of 20 x 20 patches (one patch per 50 photos), each patch with its front photo, and
    one story per 300 photos."""
    now = "2026-01-01T00:00:00+00:00"
    patch_count = max(1, photos // 50)
    quilt_count = max(1, patch_count // 400)
    db["quilts"].insert_all(
        {
            "id": q,
            "name": f"Community Quilt {q}",
            "row_count": 20,
            "column_count": 20,
            "notes": "",
            "created_at": now,
        }
        for q in range(1, quilt_count + 1)
    )
    fronts = random.sample(range(1, photos + 1), patch_count)
    patches, patch_photos = [], []
    for n, photo_id in enumerate(fronts, 1):
        placed = n <= quilt_count * 400
        cell = (n - 1) % 400
        patches.append(
            {
                "id": n,
                "code": f"P-{n:04d}",
                "title": f"Patch {n}: {random.choice(QUILT_WORDS)}",
                "maker_id": random.randint(1, people_count),
                "maker_age_band": None,
                "event_id": None,
                "received_on": None,
                "materials": "cotton, felt",
                "size": "20 cm",
                "story": random.choice(["", "I sewed my grandmother's garden.", "Our street."]),
                "notes": "",
                "quilt_id": (n - 1) // 400 + 1 if placed else None,
                "grid_row": cell // 20 + 1 if placed else None,
                "grid_column": cell % 20 + 1 if placed else None,
                "created_at": now,
            }
        )
        patch_photos.append({"patch_id": n, "photo_id": photo_id, "role": "front", "position": 1})
    db["patches"].insert_all(patches, batch_size=5000)
    db["patch_photos"].insert_all(patch_photos, batch_size=5000)
    db["stories"].insert_all(
        {
            "id": n,
            "title": f"Story {n}",
            "teller_id": random.randint(1, people_count),
            "text": "We came to the library every Tuesday and sewed together.",
            "language": "en",
            "translation": "",
            "translation_language": "",
            "notes": "",
            "created_at": now,
        }
        for n in range(1, max(1, photos // 300) + 1)
    )


QUILT_WORDS = ["river", "market", "garden", "library", "bridge", "kitchen", "home", "park"]


def _placeholder_files(archive: Archive, photos: int) -> None:
    layout = archive.layout
    for n in range(1, photos + 1):
        group = n // LINKS_PER_PLACEHOLDER
        thumbnail = layout.cache / f"placeholder-thumbnail-{group}.jpg"
        preview = layout.cache / f"placeholder-preview-{group}.jpg"
        if not thumbnail.exists():
            Image.new("RGB", (256, 192), (181, 140, 96)).save(thumbnail, quality=80)
            Image.new("RGB", (1600, 1200), (181, 140, 96)).save(preview, quality=80)
        sha = fake_sha(n)
        for source, target in (
            (thumbnail, layout.thumbnail_path(sha)),
            (preview, layout.preview_path(sha)),
        ):
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                os.link(source, target)
