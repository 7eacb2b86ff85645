"""Finding patches and stories from the search bar: a patch code, a maker's name or the words
of a story find them (and their photos), and a link opens each."""

from quiltarchive.model.consent import Use
from quiltarchive.works.stories import add_story
from tests.core.works.workshop import Workshop
from tests.ui.conftest import idle


def test_typing_a_patch_code_or_words_of_a_story_finds_them(qtbot, archive, tmp_path, open_window):
    workshop = Workshop(archive, tmp_path)
    amina = workshop.consenting_adult("Amina Yusuf", uses=(Use.WEB,))
    photo = workshop.patch_photo()
    workshop.patch("P-0042", amina, photo=photo, title="Bridges", story="my grandmother's scarf")
    workshop.patch("P-0043", amina, title="Rivers")  # no photo
    story = add_story(
        archive,
        "Arriving",
        teller_id=amina,
        text="وصلت في الشتاء",
        language="ar",
        translation="I arrived in winter, by the canal.",
    )
    window = open_window()
    bar = window.work_matches
    assert not bar.isVisible()

    qtbot.keyClicks(window.search, "p-0042")
    qtbot.waitUntil(lambda: bar.matches is not None and bar.isVisible())
    assert [p.code for p in bar.matches.patches] == ["P-0042"] and bar.matches.stories == ()
    assert '<a href="patch:' in bar.label.text() and "Bridges" in bar.label.text()
    qtbot.waitUntil(lambda: list(window.photos.model.ids) == [photo])  # and its photo

    window.search.clear()
    qtbot.keyClicks(window.search, "winter canal")
    qtbot.waitUntil(lambda: bar.matches is not None and bar.matches.stories != ())
    assert [s.title for s in bar.matches.stories] == ["Arriving"] and bar.matches.patches == ()
    bar.label.linkActivated.emit(f"story:{story.id}")  # the link clicked
    page = window.patches
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    assert window.pages.currentWidget() is page and page.tabs.currentWidget() is page.stories
    assert page.dialog.title.text() == "Arriving"
    page.dialog.reject()

    window.search.clear()
    qtbot.keyClicks(window.search, "rivers")
    qtbot.waitUntil(lambda: bar.matches is not None and bar.matches.patches != ())
    assert [p.code for p in bar.matches.patches] == ["P-0043"]
    assert window.photos.stack.currentWidget() is window.photos.empty  # no photos, yet found
    bar.label.linkActivated.emit(f"patch:{bar.matches.patches[0].id}")
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    assert page.dialog.code.text() == "P-0043"

    window.search.clear()
    idle(qtbot)
    qtbot.waitUntil(lambda: not bar.isVisible())
