"""Every people and consent command, given bad input, says what is wrong in one line, exits
non-zero and leaves the archive exactly as it was: every row of the database and every file."""

import shutil

import pytest

from quiltarchive.archive import Archive
from tests.cli.conftest import Cli

NO_PERSON = "Error: There is no person with id 99.\n"
NO_PHOTO = "Error: There is no photo with id 99.\n"
NOT_A_USE = "is not a use; the uses are archive, exhibition, print, web, social, press.\n"
CONSENT = ["consent", "add", "2", "--given-by", "1", "--given-on", "2026-03-14", "--uses", "web"]

CASES = {
    "person add: birth year and age band": (
        ["person", "add", "Sam Lee", "--birth-year", "2000", "--age-band", "adult"],
        "Error: Give --birth-year or --age-band, not both. (`",
    ),
    "person add: unknown guardian": (["person", "add", "Sam Lee", "--guardian", "99"], NO_PERSON),
    "person add: birth year out of range": (
        ["person", "add", "Sam Lee", "--birth-year", "1800"],
        "Error: The birth year 1800 is not between 1900 and ",
    ),
    "person add: blank name": (["person", "add", "   "], "Error: "),
    "person add: unknown credit": (
        ["person", "add", "Sam Lee", "--credit", "everything"],
        "Error: Invalid value for '--credit': 'everything' is not one of 'full', 'first', "
        "'initials', 'none'.\n",
    ),
    "person add: a group as guardian": (
        ["person", "add", "Sam Lee", "--guardian", "3"],
        "Error: Year 4 is a group, and cannot be a guardian or responsible adult.\n",
    ),
    "person list: unknown option": (
        ["person", "list", "--age", "3"],
        "Error: No such option '--age'. Did you mean '--name'? (`",
    ),
    "person show: unknown id": (["person", "show", "99"], NO_PERSON),
    "person show: not a number": (
        ["person", "show", "Tom"],
        "Error: Invalid value for 'PERSON_ID': 'Tom' is not a valid integer.\n",
    ),
    "person guardian: the child themself": (
        ["person", "guardian", "2", "2"],
        "Error: A person cannot be their own guardian.\n",
    ),
    "person guardian: the child as its guardian's guardian": (
        ["person", "guardian", "1", "2"],
        "Error: Grace Okafor is recorded as a guardian of Tom Okafor, so Tom Okafor cannot also "
        "be Grace Okafor's guardian.\n",
    ),
    "person guardian: unknown guardian": (["person", "guardian", "2", "99"], NO_PERSON),
    "person guardian: removing someone who is not a guardian": (
        ["person", "guardian", "1", "2", "--remove"],
        "Error: Person 2 is not a guardian of Grace Okafor.\n",
    ),
    "person export: unknown id": (["person", "export", "99", "--to", "{tmp}/sar"], NO_PERSON),
    "person forget: unknown id": (["person", "forget", "99", "--yes"], NO_PERSON),
    "person forget: nobody to confirm": (
        ["person", "forget", "1"],
        "Error: Erasing a person cannot be undone: confirm it at a terminal, or add --yes.\n",
    ),
    "consent add: unknown person": (
        ["consent", "add", "99", *CONSENT[3:]],
        NO_PERSON,
    ),
    "consent add: unknown giver": (
        [*CONSENT[:3], "--given-by", "99", *CONSENT[5:]],
        NO_PERSON,
    ),
    "consent add: date in the wrong form": (
        [*CONSENT[:5], "--given-on", "14/03/2026", *CONSENT[7:]],
        "Error: Invalid value for '--given-on': The date “14/03/2026” is not a date in the form "
        "YYYY-MM-DD.\n",
    ),
    "consent add: no such day": (
        [*CONSENT[:5], "--given-on", "2026-02-30", *CONSENT[7:]],
        "Error: Invalid value for '--given-on': The date “2026-02-30” is not a real date.\n",
    ),
    "consent add: unknown use": (
        [*CONSENT[:7], "--uses", "web,tv"],
        f"Error: Invalid value for '--uses': “tv” {NOT_A_USE}",
    ),
    "consent add: no use": (
        [*CONSENT[:7], "--uses", ""],
        "Error: Invalid value for '--uses': Name at least one use (archive, exhibition, print, "
        "web, social, press).\n",
    ),
    "consent add: expiry before the given date": (
        [*CONSENT, "--expires", "2026-03-01", "--scan", "{tmp}/form.pdf"],
        "Error: The expiry date 2026-03-01 is before the date the consent was given "
        "(2026-03-14).\n",
    ),
    "consent add: missing scan": (
        [*CONSENT, "--scan", "{tmp}/missing.pdf"],
        "Error: There is no file {tmp}/missing.pdf to attach as the consent form.\n",
    ),
    "consent add: supersedes an unknown consent": (
        [*CONSENT, "--supersedes", "9"],
        "Error: There is no consent with id 9.\n",
    ),
    "consent add: supersedes someone else's consent": (
        [*CONSENT, "--supersedes", "1"],
        "Error: Consent 1 belongs to someone else, not to Tom Okafor.\n",
    ),
    "consent add: unknown method": (
        [*CONSENT, "--method", "pigeon"],
        "Error: Invalid value for '--method': 'pigeon' is not one of 'paper', 'digital', "
        "'verbal-witnessed'.\n",
    ),
    "consent withdraw: unknown consent": (
        ["consent", "withdraw", "9", "--on", "2026-04-01"],
        "Error: There is no consent with id 9.\n",
    ),
    "consent withdraw: date in the wrong form": (
        ["consent", "withdraw", "1", "--on", "yesterday"],
        "Error: Invalid value for '--on': The date “yesterday” is not a date in the form "
        "YYYY-MM-DD.\n",
    ),
    "consent withdraw: before it was given": (
        ["consent", "withdraw", "1", "--on", "2025-12-31"],
        "Error: A withdrawal on 2025-12-31 would come before the consent was given (2026-01-01).\n",
    ),
    "appear: unknown photo": (["appear", "99", "1"], NO_PHOTO),
    "appear: unknown person": (["appear", "1", "99"], NO_PERSON),
    "appear: a name, not an id": (
        ["appear", "1", "Tom"],
        "Error: “Tom” is neither a person id nor `unknown`.\n",
    ),
    "appear: box outside the photo": (
        ["appear", "1", "2", "--box", "0.9,0.9,0.5,0.5"],
        "Error: Invalid value for '--box': A box is x,y,w,h as fractions of the photo: x and y "
        "from 0, width and height above 0, and it must lie within the photo.\n",
    ),
    "review: unknown photo": (["review", "99", "--done"], NO_PHOTO),
    "review: no state": (["review", "1"], "Error: Say --done or --no-people. (`"),
    "rights: unknown photo": (["rights", "99", "staff"], NO_PHOTO),
    "rights: licensed without a licence": (
        ["rights", "1", "licensed"],
        "Error: Say under which licence the photo is used (for example CC BY 4.0).\n",
    ),
    "withhold: unknown photo": (["withhold", "99"], NO_PHOTO),
    "describe: unknown photo": (["describe", "99", "--caption", "A stall"], NO_PHOTO),
    "describe: nothing to set": (["describe", "1"], "Error: Give --caption and/or --alt. (`"),
    "assess: unknown photo": (["assess", "99", "--use", "web"], NO_PHOTO),
    "assess: unknown use": (
        ["assess", "1", "--use", "telly"],
        f"Error: Invalid value for '--use': “telly” {NOT_A_USE}",
    ),
    "assess: date in the wrong form": (
        ["assess", "1", "--use", "web", "--on", "2026/04/01"],
        "Error: Invalid value for '--on': The date “2026/04/01” is not a date in the form "
        "YYYY-MM-DD.\n",
    ),
    "impact: unknown person": (["impact", "99"], NO_PERSON),
    "expiring: negative days": (
        ["expiring", "--days", "-3"],
        "Error: Invalid value for '--days': -3 is not in the range 0<=x<=3650.\n",
    ),
    "needs-review: unknown option": (
        ["needs-review", "--days", "3"],
        "Error: No such option '--days'. (`",
    ),
    "audit: no entries": (
        ["audit", "--limit", "0"],
        "Error: Invalid value for '--limit': 0 is not in the range x>=1.\n",
    ),
    "settings: age of consent out of range": (
        ["settings", "--guardian-consent-age", "0"],
        "Error: Invalid value for '--guardian-consent-age': 0 is not in the range 1<=x<=25.\n",
    ),
}


@pytest.fixture(scope="module")
def template(tmp_path_factory, corpus):
    """A mother, her son, a group, one photo and one consent of the mother's."""
    cli = Cli(tmp_path_factory.mktemp("template") / "archive")
    cli("init")
    cli("import", corpus / "exif-samples/jpg/gps/DSCN0010.jpg")
    cli("person", "add", "Grace Okafor", "--age-band", "adult")
    cli("person", "add", "Tom Okafor", "--birth-year", "2017", "--guardian", "1")
    cli("person", "add", "Year 4", "--group", "--age-band", "child")
    consent = ["--given-by", "1", "--given-on", "2026-01-01", "--uses", "web"]
    cli("consent", "add", "1", *consent)
    cli("appear", "1", "1")
    return cli.archive_path


def snapshot(archive_path):
    """Every row of every table, and every file under the archive folder with its size (but
    the lock and SQLite's own log files, which come and go with any opening)."""
    with Archive.open(archive_path, writable=False) as archive:
        # As a set: the order rows come out in may follow the query planner's statistics.
        rows = sorted(archive.db.conn.iterdump())
    files = sorted(
        (str(p.relative_to(archive_path)), p.stat().st_size)
        for p in archive_path.rglob("*")
        if p.is_file()
        and not p.name.startswith("archive.lock")
        and "-wal" not in p.name
        and "-shm" not in p.name
    )
    return rows, files


@pytest.mark.parametrize(("arguments", "message"), CASES.values(), ids=CASES.keys())
def test_bad_input_gets_one_line_a_nonzero_exit_and_changes_nothing(
    template, tmp_path, arguments, message
):
    archive_path = tmp_path / "archive"
    shutil.copytree(template, archive_path)
    (tmp_path / "form.pdf").write_bytes(b"%PDF-1.4 signed")
    cli = Cli(archive_path)
    before = snapshot(archive_path)
    result = cli.raw(*[a.replace("{tmp}", str(tmp_path)) for a in arguments])
    assert result.exit_code != 0
    assert result.stderr.startswith(message.replace("{tmp}", str(tmp_path)))
    assert result.stderr.count("\n") == 1, result.stderr
    assert snapshot(archive_path) == before
