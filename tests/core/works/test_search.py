"""Patches and stories are found by what people remember of them: a code (or part of one),
a title, a maker's or teller's name, words of a story or its translation. Photo search finds
the patch photos and story photos by the same words."""

from quiltarchive.consent.people import update_person
from quiltarchive.model.patch import PhotoRole
from quiltarchive.storage.work_search import match_expression
from quiltarchive.works.patches import add_patch_photo, update_patch
from quiltarchive.works.search import search_works
from quiltarchive.works.stories import add_story, delete_story


def codes(matches):
    return [p.code for p in matches.patches]


def photos_matching(archive, text):
    return sorted(
        row[0]
        for row in archive.db.execute(
            "SELECT rowid FROM photo_search WHERE photo_search MATCH ?", [match_expression(text)]
        )
    )


def test_patches_are_found_by_code_title_maker_and_story(workshop):
    archive = workshop.archive
    amina = workshop.adult("Amina Yusuf")
    grace = workshop.adult("Grace Lee")
    workshop.patch("P-0042", amina, title="Bridges over the Brent", story="Ma grand-mère brodait")
    workshop.patch("P-0043", grace, title="Allotment in June")
    workshop.patch("P-0100", grace, title="Library steps")
    assert codes(search_works(archive, "P-0042")) == ["P-0042"]
    assert sorted(codes(search_works(archive, "p-004"))) == ["P-0042", "P-0043"]  # as you type
    assert codes(search_works(archive, "0100")) == ["P-0100"]
    assert codes(search_works(archive, "bridges")) == ["P-0042"]
    assert sorted(codes(search_works(archive, "grace"))) == ["P-0043", "P-0100"]
    assert codes(search_works(archive, "grand mere")) == ["P-0042"]  # accents need not be typed
    assert codes(search_works(archive, "grace allotment")) == ["P-0043"]  # every word must match
    assert codes(search_works(archive, '"NOT" AND (')) == []  # never read as query syntax
    assert search_works(archive, "   ").patches == ()


def test_stories_are_found_by_title_teller_text_and_translation(workshop):
    archive = workshop.archive
    samir = workshop.adult("Samir Haddad")
    story = add_story(
        archive,
        "Arriving in winter",
        teller_id=samir,
        text="وصلت في الشتاء",
        language="ar",
        translation="I arrived in the snow with my daughter.",
    )
    for words in ("winter", "samir", "الشتاء", "snow daughter"):
        assert [s.id for s in search_works(archive, words).stories] == [story.id], words
    delete_story(archive, story.id)
    assert search_works(archive, "winter").stories == ()


def test_photo_search_finds_patch_and_story_photos(workshop):
    archive = workshop.archive
    amina = workshop.adult("Amina Yusuf")
    front, detail, scene = (workshop.patch_photo() for _ in range(3))
    patch = workshop.patch("P-0042", amina, photo=front, title="Bridges")
    add_patch_photo(archive, patch.id, detail, PhotoRole.DETAIL)
    add_story(
        archive, "The long walk", teller_id=amina, text="We walked for days.", photo_ids=[scene]
    )
    assert photos_matching(archive, "P-0042") == [front, detail]
    assert photos_matching(archive, "bridges") == [front, detail]
    assert photos_matching(archive, "walked") == [scene]
    assert photos_matching(archive, "amina") == [front, detail, scene]
    assert search_works(archive, "P-0042").photo_ids == (front, detail)


def test_the_indexes_follow_renamed_makers_and_changed_patches(workshop):
    archive = workshop.archive
    amina = workshop.adult("Amina Yusuf")
    photo = workshop.patch_photo()
    workshop.patch("P-0042", amina, photo=photo, title="Bridges")
    update_person(archive, amina, name="Amina Farah")
    assert codes(search_works(archive, "farah")) == ["P-0042"]
    assert codes(search_works(archive, "yusuf")) == []
    assert photos_matching(archive, "farah") == [photo]
    update_patch(archive, "P-0042", code="P-0007", title="Canal")
    assert codes(search_works(archive, "canal")) == ["P-0007"]
    assert photos_matching(archive, "P-0007") == [photo]
    assert photos_matching(archive, "bridges") == []
