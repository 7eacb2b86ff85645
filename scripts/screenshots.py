#!/usr/bin/env python3
"""Screenshots of the app on a demo archive, for looking at the interface as a user would.

    make screenshots          (or: .venv/bin/python scripts/screenshots.py [--out screenshots])

Runs the real app under Xvfb (started through xvfb-run when there is no display) on a demo
archive built from the shared photo corpus: two workshops, people with and without valid
consent, a child with a guardian, a withdrawal, a collection and a past export. Writes PNGs of
the main window, the review viewer, the consent form, the withdrawal dialog, a person's page,
an import summary, the patches and the quilt map,
the archive check's report, the audit trail and the events to screenshots/.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SHARED = Path(os.environ.get("QUILTARCHIVE_SHARED", REPO.parent / "shared"))
JPG = SHARED / "corpus" / "exif-samples" / "jpg"
SIZE = (1440, 900)


def under_xvfb() -> None:
    """Start again under a virtual X server if there is no display."""
    if os.environ.get("DISPLAY") or os.environ.get("QUILTARCHIVE_UNDER_XVFB"):
        return
    if not shutil.which("xvfb-run"):
        sys.exit("No display and no xvfb-run: run scripts/install-system-packages.sh first.")
    command = ["xvfb-run", "-a", "-s", f"-screen 0 {SIZE[0] + 80}x{SIZE[1] + 120}x24"]
    environment = {**os.environ, "QUILTARCHIVE_UNDER_XVFB": "1", "QT_QPA_PLATFORM": "xcb"}
    sys.exit(subprocess.run([*command, sys.executable, *sys.argv], env=environment).returncode)


def build_demo(root: Path) -> dict:
    """A small archive as a library would have it after a few weeks of the campaign."""
    from quiltarchive.archive import Archive
    from quiltarchive.consent.appearances import add_appearance
    from quiltarchive.consent.consents import record_consent, withdraw_consent
    from quiltarchive.consent.people import add_person
    from quiltarchive.events import ensure_event
    from quiltarchive.importing.pipeline import import_photos
    from quiltarchive.model.appearance import Box
    from quiltarchive.model.consent import Use
    from quiltarchive.model.person import AgeBand, Credit
    from quiltarchive.model.photo import ReviewState, Rights
    from quiltarchive.model.publication import PublishedFile
    from quiltarchive.photo_states import describe_photo, set_review_state, set_rights, set_withheld
    from quiltarchive.storage.collections import CollectionStore
    from quiltarchive.storage.ledger import LedgerStore

    today = date.today()
    archive = Archive.create(root, user="Sam Patel, Burnt Oak Library")
    workshop = ensure_event(
        archive, "Quilt workshop, Burnt Oak Library", held_on="2026-03-14", venue="Burnt Oak"
    )
    sewing = ensure_event(
        archive, "Family sewing day, Hendon Library", held_on="2026-04-18", venue="Hendon"
    )
    list(import_photos(archive, [JPG / "exif-org"], event_id=workshop.id, workers=2))
    family = [JPG / "gps", JPG / "hdr", JPG / "orientation/landscape_1.jpg"]
    family += [JPG / "orientation/portrait_1.jpg", JPG / "tests/22-canon_tags.jpg"]
    list(import_photos(archive, family, event_id=sewing.id, workers=2))
    photo = {p.file_name: p.id for p in archive.photos.list()}

    def person(name: str, **details: object) -> int:
        return add_person(archive, name, **details).id

    grace = person("Grace Okafor", age_band=AgeBand.ADULT)
    tom = person("Tom Okafor", birth_year=today.year - 7, guardian_ids=[grace])
    daniel = person("Daniel Lewis", age_band=AgeBand.ADULT)
    kofi = person("Kofi Mensah", birth_year=today.year - 16)
    amina = person("Amina Yusuf", age_band=AgeBand.ADULT)
    ravi = person("Ravi Patel", age_band=AgeBand.ADULT)
    mei = person("Mei Chen", age_band=AgeBand.ADULT, credit=Credit.FIRST)
    samir = person("Samir Haddad", age_band=AgeBand.ADULT, do_not_identify=True)
    leila = person("Leila Haddad", age_band=AgeBand.ADULT)
    omar = person("Omar Haddad", age_band=AgeBand.ADULT)

    def consent(
        who: int, uses: list, *, by: int | None = None, days_ago: int = 120, **more: object
    ) -> int:
        return record_consent(
            archive,
            who,
            given_by_id=by or who,
            given_on=today - timedelta(days=days_ago),
            uses=[Use.ARCHIVE, *uses],
            form_ref=f"BO-{who:04d}",
            **more,
        ).consent.id

    expiring = today + timedelta(days=21)
    consent(tom, [Use.WEB, Use.PRINT, Use.EXHIBITION], by=grace, expires_on=expiring, story=True)
    daniels = consent(daniel, [Use.WEB, Use.PRINT, Use.EXHIBITION, Use.SOCIAL])
    consent(kofi, [Use.WEB, Use.PRINT])  # given by a 16-year-old himself: it does not count
    consent(amina, [Use.WEB, Use.PRINT, Use.EXHIBITION, Use.PRESS], story=True)
    withdraw_consent(
        archive, consent(ravi, [Use.WEB, Use.SOCIAL], days_ago=300), today - timedelta(days=12)
    )
    consent(mei, [Use.WEB, Use.PRINT, Use.EXHIBITION, Use.SOCIAL, Use.PRESS])
    consent(samir, [Use.EXHIBITION])
    consent(leila, [Use.EXHIBITION])
    consent(omar, [Use.EXHIBITION])

    def appears(name: str, who: int | None, box: tuple, identifiable: bool = True) -> None:
        add_appearance(archive, photo[name], who, box=Box(*box), identifiable=identifiable)

    appears("sony-d700.jpg", daniel, (0.04, 0.1, 0.22, 0.45))
    appears("sony-d700.jpg", kofi, (0.27, 0.17, 0.2, 0.45))
    appears("sony-d700.jpg", tom, (0.24, 0.45, 0.13, 0.48))
    appears("kodak-dc210.jpg", amina, (0.38, 0.33, 0.2, 0.42))
    appears("kodak-dc210.jpg", ravi, (0.66, 0.42, 0.22, 0.55))
    appears("kodak-dc210.jpg", None, (0.0, 0.45, 0.15, 0.5))
    appears("kodak-dc210.jpg", None, (0.22, 0.28, 0.16, 0.3), identifiable=False)
    appears("sony-cybershot.jpg", mei, (0.1, 0.12, 0.18, 0.86))
    appears("canon-ixus.jpg", samir, (0.37, 0.48, 0.12, 0.5))
    appears("canon-ixus.jpg", leila, (0.44, 0.47, 0.12, 0.5))
    appears("canon-ixus.jpg", omar, (0.52, 0.45, 0.12, 0.55))
    appears("canon-ixus.jpg", None, (0.0, 0.42, 0.08, 0.5), identifiable=False)

    with_people = ["sony-d700.jpg", "kodak-dc210.jpg", "sony-cybershot.jpg", "canon-ixus.jpg"]
    nobody = [
        "sanyo-vpcg250.jpg", "fujifilm-mx1700.jpg", "olympus-c960.jpg", "sanyo-vpcsx550.jpg",
        "nikon-e950.jpg", "ricoh-rdc5300.jpg", "kodak-dc240.jpg", "fujifilm-finepix40i.jpg",
        "olympus-d320l.jpg", "fujifilm-dx10.jpg", "canon_hdr_NO.jpg", "canon_hdr_YES.jpg",
    ]  # fmt: skip
    for name in with_people + nobody + ["sony-powershota5.jpg"]:
        set_rights(archive, photo[name], Rights.STAFF)
    for name in ("iphone_hdr_NO.jpg", "iphone_hdr_YES.jpg"):
        set_rights(archive, photo[name], Rights.LICENSED, "CC BY 4.0")
    for name in with_people:
        set_review_state(archive, photo[name], ReviewState.REVIEWED)
    for name in nobody:
        set_review_state(archive, photo[name], ReviewState.NO_PEOPLE)
    set_withheld(archive, photo["sony-powershota5.jpg"], True)
    describe_photo(
        archive,
        photo["sony-d700.jpg"],
        caption="Daniel, Kofi and Tom at the fabric stall",
        alt_text="Two men and a small boy in a red and blue jacket by a shop counter.",
    )
    describe_photo(archive, photo["sony-cybershot.jpg"], caption="Mei by the sea wall")
    describe_photo(archive, photo["canon-ixus.jpg"], caption="The Haddad wedding quilt")
    describe_photo(archive, photo["kodak-dc210.jpg"], caption="Halloween stitch-and-chat")
    with archive.atomic():
        collections = CollectionStore(archive.db)
        spring = collections.create("Spring newsletter", "print")
        for name in ("sony-d700.jpg", "sony-cybershot.jpg", "olympus-c960.jpg"):
            collections.add_photo(spring, photo[name])
        collections.create("Website: workshops", "web")
        LedgerStore(archive.db).record(
            kind="gallery",
            collection_id=spring,
            collection_name="Spring newsletter",
            use="print",
            destination="/media/usb/spring-newsletter",
            decided_on=(today - timedelta(days=40)).isoformat(),
            user="Jo Green, Communications",
            files=[
                PublishedFile("003-fabric-stall.jpg", "ab" * 32, photo["sony-d700.jpg"], (daniels,))
            ],
        )
    archive.close()
    return {
        "photo": photo,
        "tom": tom,
        "daniel": daniel,
        "daniels_consent": daniels,
        "spring": spring,
    }


PATCH_DESIGNS = [
    ("Bridges over the Brent", "#c8553d", "#f3d9b1", "stripes"),
    ("Our street", "#2d6a8e", "#f2e8cf", "checks"),
    ("Grandmother's garden", "#4f7942", "#f7c8d4", "dots"),
    ("The library steps", "#8e5572", "#f4e3b2", "diamonds"),
    ("Hands together", "#e0a526", "#7b2d26", "circles"),
    ("Sea wall", "#3b8ea5", "#f5ee9e", "waves"),
    ("Market day", "#ab3428", "#f1dac4", "checks"),
    ("Eid lights", "#3c1642", "#f9c80e", "dots"),
    ("Home", "#6a994e", "#f2e8cf", "diamonds"),
    ("Canal boats", "#1d3557", "#e63946", "stripes"),
    ("Friendship", "#d1495b", "#edae49", "circles"),
    ("Hexagons", "#00798c", "#edae49", "waves"),
    ("Sunday football", "#386641", "#f2e8cf", "stripes"),
    ("Two languages", "#5f0f40", "#fb8b24", "checks"),
    ("First snow", "#7d8597", "#ffffff", "dots"),
    ("Our class", "#e76f51", "#264653", "diamonds"),
]


def patch_pictures(folder: Path) -> list[Path]:
    """Photos of fabric patches, one design each (the corpus has none)."""
    from PIL import Image, ImageDraw

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, (_title, ground, figure, pattern) in enumerate(PATCH_DESIGNS, start=1):
        image = Image.new("RGB", (640, 640), ground)
        draw = ImageDraw.Draw(image)
        for a in range(0, 640, 80):
            for b in range(0, 640, 80):
                if pattern == "stripes" and (a // 80) % 2:
                    draw.rectangle((a, 0, a + 40, 640), fill=figure)
                elif pattern == "checks" and (a // 80 + b // 80) % 2:
                    draw.rectangle((a, b, a + 80, b + 80), fill=figure)
                elif pattern == "dots":
                    draw.ellipse((a + 24, b + 24, a + 56, b + 56), fill=figure)
                elif pattern == "diamonds":
                    draw.polygon(
                        [(a + 40, b), (a + 80, b + 40), (a + 40, b + 80), (a, b + 40)], fill=figure
                    )
                elif pattern == "circles":
                    draw.ellipse((a + 8, b + 8, a + 72, b + 72), outline=figure, width=8)
                elif pattern == "waves" and b % 160 == 0:
                    draw.arc((a, b, a + 80, b + 80), 180, 360, fill=figure, width=12)
        draw.rectangle((12, 12, 627, 627), outline="#f8f4ec", width=6)  # the stitched edge
        path = folder / f"PATCH_{number:04d}.jpg"
        image.save(path, quality=90)
        paths.append(path)
    return paths


def build_quilt(root: Path, folder: Path) -> None:
    """The Community Quilt on the demo archive: patches photographed at a workshop, most of
    them sewn in, a few still waiting, and some whose makers have not agreed to the web."""
    from quiltarchive.archive import Archive
    from quiltarchive.consent.consents import record_consent
    from quiltarchive.consent.people import add_person
    from quiltarchive.events import ensure_event
    from quiltarchive.importing.pipeline import import_photos
    from quiltarchive.model.consent import Use
    from quiltarchive.model.patch import PhotoRole
    from quiltarchive.model.person import AgeBand
    from quiltarchive.model.photo import ReviewState, Rights
    from quiltarchive.photo_states import set_review_state, set_rights
    from quiltarchive.works.patches import add_patch
    from quiltarchive.works.quilts import create_quilt
    from quiltarchive.works.stories import add_story

    with Archive.open(root, user="Sam Patel, Burnt Oak Library") as archive:
        event = ensure_event(archive, "Patch photography, Burnt Oak Library", held_on="2026-05-02")
        list(import_photos(archive, patch_pictures(folder), event_id=event.id, workers=2))
        photos = {p.file_name: p.id for p in archive.photos.list(event_id=event.id)}
        for photo_id in photos.values():
            set_rights(archive, photo_id, Rights.STAFF)
            set_review_state(archive, photo_id, ReviewState.NO_PEOPLE)
        makers = {p.name: p.id for p in archive.people.search()}
        teacher = add_person(archive, "Helen Clarke", age_band=AgeBand.ADULT).id
        group = add_person(
            archive, "Year 4, St Mary's", age_band=AgeBand.CHILD, is_group=True,
            guardian_ids=[teacher],
        ).id  # fmt: skip
        record_consent(
            archive, group, given_by_id=teacher, given_on=date.today() - timedelta(days=60),
            uses=[Use.ARCHIVE, Use.PRINT, Use.EXHIBITION],
        )  # fmt: skip
        who = [makers["Amina Yusuf"], makers["Mei Chen"], group, makers["Daniel Lewis"]]
        who += [makers["Tom Okafor"], makers["Ravi Patel"], makers["Leila Haddad"]]
        quilt = create_quilt(archive, "Connecting Communities", 4, 5, "Hangs in the foyer")
        places = [(1, 1), (1, 2), (1, 4), (1, 5), (2, 1), (2, 2), (2, 3), (2, 5), (3, 1)]
        places += [(3, 3), (3, 4), (4, 2), (4, 3), (4, 5)]
        for number, (title, *_design) in enumerate(PATCH_DESIGNS, start=1):
            place = places[number - 1] if number <= len(places) else None
            add_patch(
                archive,
                f"P-{number:04d}",
                title=title,
                maker_id=who[number % len(who)],
                place=(quilt.id, *place) if place else None,
                photos=[(photos[f"PATCH_{number:04d}.jpg"], PhotoRole.FRONT)],
            )
        add_story(
            archive,
            "Arriving in winter",
            teller_id=makers["Amina Yusuf"],
            text="Nilifika wakati wa baridi, na maktaba ilikuwa mahali pa kwanza pa joto.",
            language="sw",
            translation="I arrived in winter, and the library was the first warm place.",
            patches=["P-0001"],
        )


def card_for_import(folder: Path) -> Path:
    """A camera card: two new photos, two already in the archive, and some that are not."""
    card = folder / "DCIM" / "100CANON"
    card.mkdir(parents=True)
    for name in ("orientation/landscape_6.jpg", "orientation/portrait_3.jpg"):
        shutil.copy(JPG / name, card / Path(name).name)
    shutil.copy(JPG / "exif-org/sony-d700.jpg", card / "IMG_0412.JPG")
    shutil.copy(JPG / "exif-org/kodak-dc210.jpg", card / "IMG_0413.JPG")
    tricky = SHARED / "corpus" / "pillow-tricky"
    shutil.copy(tricky / "truncated_jpeg.jpg", card / "IMG_0414.JPG")
    shutil.copy(tricky / "decompression_bomb.gif", card / "IMG_0415.GIF")
    (card / "MVI_0416.MOV").write_bytes(b"\0\0\0\x18ftypqt  " + b"\0" * 64)
    return folder


def shoot(out: Path) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QWidget

    from ui import background
    from ui.app import Application, configure_application
    from ui.works.patch_list import thumbnail_key

    work = Path(tempfile.mkdtemp(prefix="quiltarchive-screenshots-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "settings"))
    demo = build_demo(work / "Archive")
    build_quilt(work / "Archive", work / "patches")
    app = QApplication([sys.argv[0]])
    configure_application(app)
    application = Application("Sam Patel, Burnt Oak Library")
    application.open(work / "Archive")
    window = application.window
    window.resize(*SIZE)
    out.mkdir(parents=True, exist_ok=True)

    def settle(condition: Callable[[], bool] = lambda: True, timeout: float = 20) -> None:
        import time

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            app.processEvents()
            if condition() and not background.busy():
                break
            time.sleep(0.02)
        for _ in range(20):
            app.processEvents()
            time.sleep(0.01)

    def save(widget: QWidget, name: str) -> None:
        settle()
        widget.grab().save(str(out / f"{name}.png"))
        print(f"wrote {out / name}.png")

    settle(lambda: window.status.ready and window.status.needs_review is not None)
    model = window.photos.model
    row = model.row_of(demo["photo"]["sony-d700.jpg"])
    window.photos.grid.setCurrentIndex(model.index(row))
    settle(lambda: window.details.single.uses.layout().count() >= 12)
    settle(lambda: all(model.thumbnail(r) is not None for r in range(min(20, model.rowCount()))))
    save(window, "main-window")

    viewer = window.open_review(model.ids, model.row_of(demo["photo"]["kodak-dc210.jpg"]))
    viewer.resize(1280, 820)
    settle(lambda: not viewer.canvas.image_rect().isEmpty())
    viewer.people.setCurrentRow(0)
    save(viewer, "review-viewer")
    viewer.close()

    window.open_person(demo["tom"])
    settle()
    save(window, "person-page")
    dialog = window.flows.record_consent(application.archive.people.get(demo["tom"]))
    from quiltarchive.model.consent import Use

    for use in (Use.WEB, Use.PRINT, Use.EXHIBITION):
        dialog.uses[use].setChecked(True)
    dialog.form_ref.setText("BO-0117")
    dialog.expires.setChecked(True)
    save(dialog, "consent-dialog")
    dialog.reject()

    consent = application.archive.consents.get(demo["daniels_consent"])
    withdraw = window.flows.withdraw(consent)
    withdraw.note.setText("Asked by phone; wants his photos taken down")
    save(withdraw, "withdraw-dialog")
    withdraw.reject()

    from ui.window.places import Place

    window.sidebar.choose(Place("collection", demo["spring"]))
    settle(lambda: window.collections.page.view is not None)
    window.collections.page.list.setCurrentRow(1)
    save(window, "collection-page")
    export = window.collections.open_export(demo["spring"])
    export.destination.setText(str(work / "exports"))
    export.blur.setChecked(True)
    save(export, "export-dialog")
    export.runner.workers = 1
    export.export_button.click()
    settle(lambda: export.summary is not None, timeout=60)
    export.resize(640, 560)
    save(export, "export-report")
    export.close()

    window.imports.runner.workers = 1
    setup = window.imports.choose([str(card_for_import(work / "card"))])
    setup.event.setCurrentIndex(setup.event.findText("Family sewing day, Hendon Library"))
    save(setup, "import-choose")
    setup.start.click()
    settle(lambda: window.imports.summary is not None, timeout=60)
    summary = window.imports.summary
    save(summary, "import-summary")
    summary.close()

    from ui.window.places import PATCHES

    window.sidebar.choose(PATCHES)
    patches = window.patches
    settle(lambda: patches.data is not None)
    settle(
        lambda: all(
            patches.loader.pixmap(k) is not None for k in map(thumbnail_key, patches.data.patches)
        )
    )
    save(window, "patches-page")
    patches.show_tab(patches.quilts)
    settle(lambda: patches.quilts.grid is not None)
    save(window, "quilt-map")
    patches.quilts.filter.setCurrentIndex(patches.quilts.filter.findData("web"))
    settle(lambda: patches.quilts.map.filtered)
    save(window, "quilt-map-for-web")
    dialog = patches.open_patch_id(application.archive.patches.id_of("P-0002"))
    save(dialog, "patch-dialog")
    dialog.reject()
    render = patches.quilts.open_render()
    render.path.setText(str(Path.home() / "Connecting Communities.png"))
    save(render, "render-dialog")
    render.reject()
    patches.show_tab(patches.stories)
    save(window, "stories")
    check = window.tools.open_check()
    check.start()
    settle(lambda: check.report is not None, timeout=60)
    save(check, "check-archive")
    check.close()
    audit = window.tools.open_audit()
    settle(lambda: audit.loaded)
    audit.table.selectRow(2)
    save(audit, "audit-trail")
    audit.close()
    events = window.tools.open_events()
    settle(lambda: events.loaded)
    events.table.selectRow(0)
    save(events, "events")
    events.close()
    window.close()
    application.close()
    shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=REPO / "screenshots")
    arguments = parser.parse_args()
    under_xvfb()
    shoot(arguments.out)


if __name__ == "__main__":
    main()
