"""Printing a consent decision, the same way for photos, patches and stories."""

from typing import Any

import click

from quiltarchive.cli.output import print_json
from quiltarchive.consent.rules import in_words
from quiltarchive.model.decision import Decision


def print_decision(what: str, key: dict[str, Any], decision: Decision, as_json: bool) -> None:
    if as_json:
        print_json(
            {
                **key,
                "use": decision.use.value,
                "on": decision.day.isoformat(),
                "allowed": decision.allowed,
                "reasons": list(decision.reasons),
                "credit": decision.credit,
                "consent_ids": list(decision.consent_ids),
                "blur": decision.blur,
            }
        )
        return
    verdict = "may" if decision.allowed else "may NOT"
    click.echo(f"{what} {verdict} be used for {in_words(decision.use)} on {decision.day}.")
    for reason in decision.reasons:
        click.echo(f"  - {reason}")
    if decision.allowed and decision.credit:
        click.echo(f"Credit: {decision.credit}")
    if decision.blur:
        click.echo(f"With {len(decision.blur)} region(s) blurred.")
