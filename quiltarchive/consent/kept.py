"""What is worked out person by person (each person's standing, whose consent has lapsed) is
kept for the archive session, and after a change brought up to date for the people the change
concerns rather than worked out again for everyone."""

from collections.abc import Callable
from collections.abc import Set as AbstractSet
from typing import TypeVar

from quiltarchive.archive import Archive
from quiltarchive.model.consent_facts import PersonFacts
from quiltarchive.storage.consent_facts import ConsentFactsStore

Kept = TypeVar("Kept")
People = dict[int, PersonFacts]
# Works the value out for `people` on top of what was kept (None: from nothing), in which the
# people of the set are out of date: changed, or gone when they are not in `people`.
Decide = Callable[[People, Kept | None, AbstractSet[int]], Kept]


def brought_up_to_date(
    archive: Archive,
    epoch: int,
    key: object,
    kind: type[Kept],
    decide: Decide[Kept],
    everyone: Callable[[], People],
) -> Kept:
    """The value kept under `key`, as it is at consent `epoch`.

    `epoch` must be read before anything `everyone` loads, so that a change made meanwhile
    leaves the value marked older than it is (and worked again), never newer. After a setting
    changes, or once the change log no longer reaches back to what was kept, everyone is
    decided again.
    """
    store = ConsentFactsStore(archive.db)
    kept_epoch, kept = archive.memo.get(key, (None, None))
    if isinstance(kept_epoch, int) and isinstance(kept, kind):
        if kept_epoch == epoch:
            return kept
        changed = store.people_changed_between(kept_epoch, epoch) if kept_epoch < epoch else None
        if changed is not None:
            value = decide(store.people(changed), kept, changed)
            archive.memo[key] = (epoch, value)
            return value
    value = decide(everyone(), None, frozenset())
    archive.memo[key] = (epoch, value)
    return value
