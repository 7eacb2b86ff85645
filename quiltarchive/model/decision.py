"""The answer to "may this leave the archive for this use on this day?"."""

from datetime import date
from typing import NamedTuple

from quiltarchive.model.appearance import Box
from quiltarchive.model.consent import Use


class Decision(NamedTuple):
    allowed: bool
    reasons: tuple[str, ...]  # every failing reason, in plain words; empty when allowed
    credit: str  # the credit line when allowed ("" when nobody is named)
    consent_ids: tuple[int, ...]  # the consents the "yes" relies on
    blur: tuple[Box, ...]  # regions an export must blur for the "yes" to hold
    use: Use
    day: date
