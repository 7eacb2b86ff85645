"""People and consent from the command line, as a librarian's script would record them."""

import pytest

from quiltarchive.archive import Archive
from quiltarchive.cli import people_commands


@pytest.fixture
def workshop(cli, corpus):
    """Three imported photos, an adult, a child with her mother as guardian."""
    cli(
        "import",
        corpus / "exif-samples/jpg/gps/DSCN0010.jpg",
        corpus / "exif-samples/jpg/gps/DSCN0012.jpg",
        corpus / "exif-samples/jpg/gps/DSCN0021.jpg",
    )
    mother = int(cli("person", "add", "Grace Okafor", "--age-band", "adult").stdout)
    child = int(
        cli(
            "person",
            "add",
            "Tom Okafor",
            "--birth-year",
            "2017",
            "--guardian",
            mother,
            "--credit",
            "full",
        ).stdout
    )
    return mother, child


def record_state(cli):
    with Archive.open(cli.archive_path, writable=False) as archive:
        return (
            len(archive.audit.entries()),
            len(archive.consents.all()),
            len(list(archive.layout.consent_forms.rglob("*.*"))),
        )


def test_a_guardian_consent_makes_a_photo_ready_for_web_with_a_first_name_credit(
    cli, workshop, tmp_path
):
    mother, child = workshop
    form = tmp_path / "form-0042.pdf"
    form.write_bytes(b"%PDF-1.4 signed")
    consent = int(
        cli(
            "consent",
            "add",
            child,
            "--given-by",
            mother,
            "--given-on",
            "2026-03-14",
            "--uses",
            "web,print",
            "--expires",
            "2027-03-14",
            "--form-ref",
            "F-0042",
            "--scan",
            form,
        ).stdout
    )
    assert cli.json("assess", 1, "--use", "web", "--on", "2026-04-01")["allowed"] is False
    appearance = int(cli("appear", 1, child, "--box", "0.4,0.2,0.2,0.3").stdout)
    assert appearance == 1
    cli("review", 1, "--done")
    cli("rights", 1, "staff")
    verdict = cli.json("assess", 1, "--use", "web", "--on", "2026-04-01")
    assert verdict["allowed"] is True and verdict["reasons"] == []
    assert verdict["credit"] == "Tom" and verdict["consent_ids"] == [consent]
    social = cli.json("assess", 1, "--use", "social", "--on", "2026-04-01")
    assert social == {
        **social,
        "allowed": False,
        "reasons": ["Tom Okafor's current consent does not cover social media."],
    }
    refused = cli("assess", 1, "--use", "social", "--on", "2026-04-01").stdout
    assert refused.startswith("Photo 1 may NOT be used for social media on 2026-04-01.")
    human = cli("assess", 1, "--use", "web", "--on", "2026-04-01").stdout
    assert "Photo 1 may be used for web on 2026-04-01." in human and "Credit: Tom" in human
    shown = cli("person", "show", child).stdout
    assert "Grace Okafor (1)" in shown and "print,web" in shown


def test_withdrawal_takes_effect_and_reports_what_to_recall(cli, workshop):
    mother, child = workshop
    consent = cli(
        "consent", "add", child, "--given-by", mother, "--given-on", "2026-03-14", "--uses", "web"
    ).stdout.strip()
    cli("appear", 1, child)
    cli("review", 1, "--done")
    cli("rights", 1, "licensed", "--licence", "CC BY 4.0")
    assert cli.json("assess", 1, "--use", "web", "--on", "2026-04-01")["allowed"]
    result = cli("consent", "withdraw", consent, "--on", "2026-04-01", "--note", "by phone")
    assert "Consent 1 withdrawn from 2026-04-01." in result.stdout
    assert "Tom Okafor is identifiable in 1 photo(s): 1" in result.stdout
    assert cli.json("assess", 1, "--use", "web", "--on", "2026-04-01")["reasons"] == [
        "Tom Okafor withdrew consent on 2026-04-01 (needed for web)."
    ]
    assert cli.json("impact", child)["photo_ids"] == [1]


def test_a_consent_from_someone_not_a_guardian_is_recorded_with_a_warning(cli, workshop):
    _mother, child = workshop
    stranger = cli("person", "add", "Paul Neighbour", "--age-band", "adult").stdout.strip()
    result = cli(
        "consent", "add", child, "--given-by", stranger, "--given-on", "2026-03-14", "--uses", "web"
    )
    assert result.stderr.startswith("Warning: Paul Neighbour is not recorded as a guardian")


def test_a_consent_a_child_gives_themself_is_recorded_with_a_warning(cli, workshop):
    _mother, child = workshop
    result = cli(
        "consent", "add", child, "--given-by", child, "--given-on", "2026-03-14", "--uses", "web"
    )
    assert result.stderr == (
        "Warning: Tom Okafor was a minor on 2026-03-14: a consent they gave themself does not "
        "count; a recorded guardian must give it.\n"
    )


def test_expiring_needs_review_and_audit(cli, workshop):
    mother, child = workshop
    cli(
        "consent",
        "add",
        mother,
        "--given-by",
        mother,
        "--given-on",
        "2026-01-01",
        "--uses",
        "web",
        "--expires",
        "2030-01-01",
    )
    assert cli.json("expiring", "--days", 30) == []
    assert len(cli.json("expiring", "--days", 3650)) == 1
    cli("appear", 2, "unknown", "--box", "0.1,0.1,0.2,0.2")
    review = {item["photo_id"]: item["reasons"] for item in cli.json("needs-review")}
    assert review[2] == [
        "nobody has recorded who is in it",
        "an identifiable person in it is not identified",
    ]
    cli("review", 3, "--no-people")
    assert 3 not in {item["photo_id"] for item in cli.json("needs-review")}
    entries = cli.json("audit", "--limit", 3)
    assert [e["action"] for e in entries] == [
        "review state changed",
        "appearance added",
        "consent recorded",
    ]
    assert {e["user"] for e in entries} == {"Test Clerk"}
    person_entries = cli.json("audit", "--entity", f"person:{child}")
    assert person_entries[0]["after"]["name"] == "Tom Okafor"


def test_subject_access_and_erasure(cli, workshop, tmp_path):
    mother, _child = workshop
    cli("appear", 1, mother)
    made = cli.json("person", "export", mother, "--to", tmp_path / "sar", "--zip")["export"]
    assert made.endswith(".zip")
    result = cli("person", "forget", mother, "--yes")
    assert "Person 1 has been erased." in result.stdout
    assert "Withheld photos: 1" in result.stdout
    cli("person", "show", mother, expect=1)
    assert cli.json("show", 1)["withheld"] is True
    assert cli.json("check")["ok"] is True


def test_forget_asks_first_and_does_nothing_when_refused(cli, workshop, monkeypatch):
    mother, child = workshop
    monkeypatch.setattr(people_commands, "stdin_is_terminal", lambda: True)
    cli("consent", "add", child, "--given-by", mother, "--given-on", "2026-03-14", "--uses", "web")
    before = record_state(cli)
    result = cli.raw("person", "forget", mother, input="n\n")
    assert result.exit_code == 1
    assert "Erase Grace Okafor for good? 0 photo(s) will be withheld" in result.stderr
    assert "removes the consents they gave as a guardian for Tom Okafor." in result.stdout
    assert result.stderr.endswith("Nothing was erased.\n")
    assert record_state(cli) == before
    assert cli.json("person", "show", mother)["person"]["name"] == "Grace Okafor"


def test_forget_erases_once_confirmed_at_a_terminal(cli, workshop, monkeypatch):
    mother, _child = workshop
    cli("appear", 1, mother)
    monkeypatch.setattr(people_commands, "stdin_is_terminal", lambda: True)
    result = cli.raw("person", "forget", mother, "--delete-photos", input="y\n")
    assert result.exit_code == 0, result.stderr
    assert "1 photo(s) will be deleted" in result.stderr
    assert "Deleted photos: 1" in result.stdout
    cli("person", "show", mother, expect=1)


def test_forget_without_yes_and_nobody_to_ask_refuses_in_one_line(cli, workshop):
    mother, _child = workshop
    cli("appear", 1, mother)
    before = record_state(cli)
    result = cli.raw("person", "forget", mother)
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: Erasing a person cannot be undone: confirm it at a terminal, or add --yes.\n"
    )
    assert result.stdout == ""
    assert record_state(cli) == before
    assert cli.json("show", 1)["withheld"] is False


def test_settings_change_the_age_of_consent(cli, workshop):
    assert cli.json("settings")["guardian_consent_age"] == 18
    assert cli.json("settings", "--guardian-consent-age", 16)["guardian_consent_age"] == 16
    assert cli.json("audit", "--limit", 1)[0]["action"] == "setting changed"
