"""Which photos a place shows, narrowed by the search and filters. Runs on a worker thread."""

from collections.abc import Callable
from dataclasses import dataclass, replace

from quiltarchive.archive import Archive
from quiltarchive.consent.overview import Badge, ConsentOverview
from quiltarchive.model.consent import Use
from quiltarchive.model.photo_query import PhotoQuery
from ui.window.places import Place


@dataclass(frozen=True)
class PhotoListRequest:
    place: Place
    query: PhotoQuery
    badge: Badge | None  # only photos with this badge (for `use`)
    ready_use: Use | None  # only photos ready for this use
    use: Use  # the use the badges answer for

    @property
    def needs_overview(self) -> bool:
        return self.place.needs_consent_overview or self.badge is not None or bool(self.ready_use)


def photo_ids(
    archive: Archive,
    request: PhotoListRequest,
    overview: ConsentOverview | None,
    needs_review: dict[int, tuple[str, ...]] | None,
) -> list[int] | None:
    """The photo ids in display order, or None while the consent overview it needs is not
    ready yet."""
    if request.needs_overview and overview is None:
        return None
    if request.place.kind == "needs-review" and needs_review is None:
        return None
    place, query = request.place, request.query
    if place.kind == "collection" and place.id is not None:
        ids = archive.collections.photo_ids(place.id)
        if query.narrows:
            matching = set(archive.photos.ordered_ids(query))
            ids = [i for i in ids if i in matching]
    else:
        if place.kind == "event":
            if query.event_id not in (None, place.id):
                return []
            query = replace(query, event_id=place.id)
        if place.kind == "import":
            query = replace(query, batch_id=place.id)
        ids = archive.photos.ordered_ids(query)
    keep = _membership(request, overview, needs_review)
    return [i for i in ids if keep(i)] if keep is not None else ids


def _membership(
    request: PhotoListRequest,
    overview: ConsentOverview | None,
    needs_review: dict[int, tuple[str, ...]] | None,
) -> Callable[[int], bool] | None:
    tests: list[Callable[[int], bool]] = []
    kind = request.place.kind
    if kind == "needs-review" and needs_review is not None:
        tests.append(needs_review.__contains__)
    if overview is not None:
        if kind == "ready" and request.place.use is not None:
            tests.append(overview.allowed[request.place.use].__contains__)
        if kind == "withheld":
            tests.append(overview.withheld.__contains__)
        if request.ready_use is not None:
            tests.append(overview.allowed[request.ready_use].__contains__)
        if request.badge is not None:
            badge, use = request.badge, request.use
            tests.append(lambda photo_id: overview.badge(photo_id, use) is badge)
    if not tests:
        return None
    if len(tests) == 1:
        return tests[0]
    return lambda photo_id: all(test(photo_id) for test in tests)
