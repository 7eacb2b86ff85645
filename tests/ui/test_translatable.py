"""Every word the app shows goes through Qt's translation: with a pseudo-translation installed
that brackets each string, no visible text is left unbracketed except the archive's own data
(file names, people's and events' names, numbers, dates)."""

import re
from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from quiltarchive.consent.consents import record_consent
from quiltarchive.consent.people import add_person
from quiltarchive.events import ensure_event
from quiltarchive.importing.pipeline import import_photos
from quiltarchive.model.consent import Use
from quiltarchive.model.person import AgeBand
from tests.ui.conftest import idle
from ui.window.places import PEOPLE, Place

EVENT, ADULT, CHILD = "Burnt Oak workshop", "Amina Yusuf", "Layla Yusuf"


class Brackets(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):
        return f"[{source}]" if source else source

    def isEmpty(self):
        return False


@pytest.fixture
def bracketed(qapp):
    translator = Brackets(qapp)
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def untranslated(text: str, data: list[str]) -> bool:
    """Whether `text` holds words that came neither from a translation nor from the archive."""
    rest = re.sub(r"\[[^\[\]]*\]", "", text)  # innermost translated strings…
    rest = re.sub(r"\[[^\[\]]*\]", "", rest)  # …and those around them
    for item in data:
        rest = rest.replace(item, "")
    rest = re.sub(r"\S+\.(png|jpe?g|heic|tiff?)\b", "", rest, flags=re.IGNORECASE)
    rest = re.sub(r"(/[\w.-]+)+", "", rest)  # paths
    rest = re.sub(r"<[^>]+>", "", rest)  # markup
    rest = re.sub(r"\b[A-Z]{2,5}\b", "", rest)  # file formats: JPEG, PNG
    for month in range(1, 13):  # dates, in the locale's words
        rest = rest.replace(QLocale().monthName(month), "")
        rest = rest.replace(QLocale().monthName(month, QLocale.FormatType.ShortFormat), "")
    return bool(re.search(r"[A-Za-z]{2,}", rest))


def visible_texts(top: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every string a user sees or hears from `top` and its children."""
    found: list[tuple[str, str]] = []

    def add(where, text):
        if text:
            found.append((where, text))

    widgets = [top, *top.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisibleTo(top) and widget is not top:
            continue
        kind = type(widget).__name__
        if widget.isWindow():
            add(f"{kind} title", widget.windowTitle())
        add(f"{kind} tooltip", widget.toolTip())
        add(f"{kind} accessible name", widget.accessibleName())
        add(f"{kind} accessible description", widget.accessibleDescription())
        if isinstance(widget, QLabel):
            add(f"label {widget.objectName()}", widget.text())
        elif isinstance(widget, QAbstractButton):
            add(kind, widget.text())
        elif isinstance(widget, (QLineEdit, QPlainTextEdit | QTextEdit)):
            add(f"{kind} placeholder", widget.placeholderText())
            if isinstance(widget, QTextEdit) and widget.isReadOnly():
                add(f"{kind} text", widget.toPlainText())
        elif isinstance(widget, QGroupBox):
            add(kind, widget.title())
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                add(kind, widget.tabText(i))
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                add(f"{kind} item", widget.itemText(i))
        elif isinstance(widget, QMenu):
            add(kind, widget.title())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            found.extend(_model_texts(widget.model()))
        for action in widget.actions():
            add(f"action of {kind}", action.text())
            if action.toolTip() != action.text().replace("&", "").replace("…", "..."):
                add(f"action tooltip of {kind}", action.toolTip())
            if action.menu() is not None:
                add("menu", action.menu().title())
                for inner in action.menu().actions():
                    add("menu item", inner.text())
    return found


def _columns(model, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # a list model's column count is private: it has one
        return 1


def _model_texts(model) -> list[tuple[str, str]]:
    found = []
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    for column in range(_columns(model, QModelIndex())):
        header = model.headerData(column, Qt.Orientation.Horizontal)
        if isinstance(header, str) and header:
            found.append(("header", header))

    def walk(parent: QModelIndex, depth: int) -> None:
        for row in range(min(model.rowCount(parent), 40)):
            for column in range(_columns(model, parent)):
                index = model.index(row, column, parent)
                for role in roles:
                    value = model.data(index, role)
                    if isinstance(value, str) and value:
                        found.append((f"{type(model).__name__} row {row}", value))
                if column == 0 and depth < 2:
                    walk(index, depth + 1)

    walk(QModelIndex(), 0)
    return found


@pytest.fixture
def filled(archive, pictures):
    workshop = ensure_event(archive, EVENT)
    list(import_photos(archive, [pictures(3)], event_id=workshop.id, workers=1))
    adult = add_person(archive, ADULT, age_band=AgeBand.ADULT)
    child = add_person(archive, CHILD, birth_year=2018, guardian_ids=[adult.id])
    consent = record_consent(
        archive, child.id, given_by_id=adult.id, given_on=date(2026, 1, 5), uses=[Use.WEB]
    ).consent
    return adult, child, consent


def data_of(archive) -> list[str]:
    return [
        EVENT,
        ADULT,
        CHILD,
        archive.layout.root.name,
        str(archive.layout.root),
        archive.user,
        "QuiltArchive",
    ]


def assert_all_translated(top, data):
    texts = visible_texts(top)
    assert sum("[" in t for _w, t in texts) >= 3, texts  # the walk does see the words
    missing = sorted({(w, t) for w, t in texts if untranslated(t, data)})
    assert missing == [], "\n".join(f"{w}: {t!r}" for w, t in missing)


def test_the_main_window_shows_only_translated_words(
    bracketed, qtbot, archive, filled, open_window
):
    window = open_window()
    data = data_of(archive)
    window.photos.grid.setCurrentIndex(window.photos.model.index(0))
    idle(qtbot)
    assert window.windowTitle().startswith("[")
    assert_all_translated(window, data)
    window.photos.grid.selectAll()
    idle(qtbot)
    assert_all_translated(window, data)
    for place in (PEOPLE, Place("expiring"), Place("patches"), Place("needs-review")):
        window.sidebar.choose(place)
        idle(qtbot)
        assert_all_translated(window, data)
    window.open_person(filled[1].id)
    idle(qtbot)
    assert_all_translated(window, data)


def test_the_main_dialogs_show_only_translated_words(
    bracketed, qtbot, archive, filled, open_window, corpus
):
    from quiltarchive.importing.events import ImportSummary, Outcome
    from ui.dialogs.user_name import UserNameDialog
    from ui.importing.dialogs import ImportProgressDialog, ImportSummaryDialog

    _adult, child, consent = filled
    window = open_window()
    data = [*data_of(archive), str(corpus)]
    dialogs = [
        UserNameDialog("Sam Patel", window),
        window.flows.new_person(),
        window.flows.edit_person(child),
        window.flows.record_consent(child),
        window.flows.withdraw(consent),
        window.flows.add_guardian(child),
        window.imports.choose([str(corpus)]),
        ImportProgressDialog(window.tr("Importing"), window),
        ImportSummaryDialog(
            ImportSummary(
                1,
                3,
                1,
                failed=[Outcome("/card/a.jpg", "the image data is damaged and cannot be decoded")],
            ),
            window.tr("the archive"),
            window,
        ),
        window.open_review(window.photos.model.ids, 0),
    ]
    window.menu_actions.about.trigger()
    dialogs.append(window.about_box)
    events = window.tools.open_events()
    dialogs += [window.tools.open_check(), window.tools.open_settings(), events]
    dialogs.append(events.new_event())
    window.photos.grid.setCurrentIndex(window.photos.model.index(0))
    window.edits.describe(window.photos.model.ids[0], "A quilt", "")
    dialogs.append(window.tools.open_history())
    dialogs += [window.tools.open_ledger(), window.tools.open_ledger(child.id)]
    idle(qtbot)
    for dialog in dialogs:
        dialog.show()
        assert dialog.windowTitle().startswith("["), dialog.windowTitle()
        assert_all_translated(dialog, [*data, "Sam Patel"])
        dialog.close()
