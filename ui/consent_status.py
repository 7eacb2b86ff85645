"""The archive's consent standing as the app shows it: badges, smart lists and their counts.

The whole-archive overview is computed in the background after opening (and again when the day
changes); after an edit only the photos it touched are decided again. The lists to work
through (needs review, consents expiring) follow a little later. Tooltips ask `assess` for
the one photo under the pointer.

For a large archive the whole-archive work runs in a separate process: a thread of this one
would hold the interpreter lock (and feed its garbage collector) for seconds, and the window
would stutter while the user scrolls.
"""

from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from quiltarchive import clock, worker_processes
from quiltarchive.archive import Archive
from quiltarchive.consent.assessment import assess
from quiltarchive.consent.overview import (
    Badge,
    ConsentOverview,
    ReviewLists,
    consent_overview,
    overview_and_lists_of,
    photos_affected_by_people,
    refreshed_overview,
    review_lists,
    review_lists_of,
)
from quiltarchive.consent.review_lists import ExpiringConsent
from quiltarchive.errors import QuiltArchiveError
from quiltarchive.model.consent import Use
from ui import core_words
from ui.background import report_error, run_task
from ui.edits import Change

LISTS_DELAY_MS = 1500
SEPARATE_PROCESS_FROM = 20_000  # photos; below this a thread is quicker than starting a process


def tr(text: str) -> str:
    return QCoreApplication.translate("ConsentStatus", text)


def use_name(use: Use) -> str:
    return {
        Use.ARCHIVE: tr("archive"),
        Use.EXHIBITION: tr("exhibition"),
        Use.PRINT: tr("print"),
        Use.WEB: tr("web"),
        Use.SOCIAL: tr("social media"),
        Use.PRESS: tr("press"),
    }[use]


def badge_text(badge: Badge, use: Use) -> str:
    return {
        Badge.READY: tr("Ready for {0}"),
        Badge.SOME_USES: tr("Not for {0}, but ready for some uses"),
        Badge.BLOCKED: tr("Not ready for any use outside the archive"),
        Badge.UNREVIEWED: tr("Not reviewed yet"),
    }[badge].format(use_name(use))


class ConsentStatus(QObject):
    changed = Signal()  # the overview (badges, ready lists) changed
    lists_changed = Signal()  # needs review / expiring changed
    use_changed = Signal()

    def __init__(self, archive: Archive, use: Use = Use.WEB, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._archive = archive
        self.use = use
        self.overview: ConsentOverview | None = None
        self.needs_review: dict[int, tuple[str, ...]] | None = None
        self.expiring: list[ExpiringConsent] | None = None
        self._running = False
        self._full_wanted = False
        self._pending_photos: set[int] = set()
        self._pending_people: set[int] = set()
        self._tooltips: dict[tuple[int, Use], str] = {}
        self._lists_timer = QTimer(self, singleShot=True, interval=LISTS_DELAY_MS)
        self._lists_timer.timeout.connect(self._refresh_lists)
        self._day_timer = QTimer(self, interval=60_000)
        self._day_timer.timeout.connect(self._check_day)
        self._day_timer.start()
        self._process: ProcessPoolExecutor | None = None
        self.separate_process_from = SEPARATE_PROCESS_FROM

    # -- asking ----------------------------------------------------------------------------

    @property
    def archive(self) -> Archive:
        return self._archive

    @property
    def ready(self) -> bool:
        return self.overview is not None

    def badge(self, photo_id: int) -> Badge | None:
        return self.overview.badge(photo_id, self.use) if self.overview is not None else None

    def set_use(self, use: Use) -> None:
        if use is not self.use:
            self.use = use
            self.use_changed.emit()

    def tooltip(self, photo_id: int) -> str:
        """The badge in words, with every reason the photo may not be used for the use."""
        key = (photo_id, self.use)
        if key not in self._tooltips:
            try:
                decision = assess(self._archive, photo_id, self.use)
            except QuiltArchiveError as error:
                return str(error)
            badge = self.badge(photo_id)
            lines = [badge_text(badge, self.use)] if badge is not None else []
            if decision.allowed and decision.credit:
                lines.append(tr("Credit: {0}").format(decision.credit))
            lines += [f"• {reason}" for reason in core_words.reasons(decision.reasons)]
            if self.overview is not None and not decision.allowed:
                others = [use_name(u) for u in self.overview.ready_uses(photo_id)]
                if others:
                    lines.append(tr("Ready for: {0}").format(", ".join(others)))
            self._tooltips[key] = "\n".join(lines)
        return self._tooltips[key]

    # -- keeping up to date ----------------------------------------------------------------

    def refresh_all(self) -> None:
        self._full_wanted = True
        self._next()

    def edited(self, change: Change) -> None:
        if change.everything:
            self._tooltips.clear()
            self.refresh_all()
            return
        self._pending_photos |= change.photo_ids
        self._pending_people |= change.person_ids
        self._tooltips.clear()
        self._next()

    def photos_changed(self, photo_ids: Iterable[int]) -> None:
        self.edited(Change(photo_ids=frozenset(photo_ids)))

    def _next(self) -> None:
        """One job at a time: each starts from the overview the last one left."""
        if self._running:
            return
        archive, overview = self._archive, self.overview
        if self._full_wanted or overview is None:
            self._full_wanted = False
            self._pending_photos.clear()
            self._pending_people.clear()
            self._start(self._whole_archive(), self._whole_done)
        elif self._pending_photos or self._pending_people:
            photos, people = set(self._pending_photos), set(self._pending_people)
            self._pending_photos.clear()
            self._pending_people.clear()

            def refresh() -> ConsentOverview:
                touched = photos | photos_affected_by_people(archive, people)
                return refreshed_overview(archive, overview, touched)

            self._start(refresh, self._refreshed)

    def _in_process(self) -> bool:
        return self._archive.photos.count() >= self.separate_process_from

    def _whole_archive(self) -> Callable[[], tuple[ConsentOverview, ReviewLists]]:
        archive = self._archive
        if not self._in_process():
            return lambda: (consent_overview(archive), review_lists(archive))
        executor, root = self._executor(), str(archive.layout.root)
        return lambda: executor.submit(overview_and_lists_of, root).result()

    def _executor(self) -> ProcessPoolExecutor:
        if self._process is None:
            self._process = ProcessPoolExecutor(1, mp_context=worker_processes.context())
        return self._process

    def _start(self, job: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self._running = True
        run_task(job, done, self._failed, pool_name="consent", owner=self)

    def _whole_done(self, found: tuple[ConsentOverview, ReviewLists]) -> None:
        overview, lists = found
        self._refreshed(overview)
        self._lists_done(lists)

    def _refreshed(self, overview: ConsentOverview) -> None:
        self._running = False
        first = self.overview is None
        self.overview = overview
        self._tooltips.clear()
        self.changed.emit()
        if not first:
            self._lists_timer.start()
        self._next()

    def _failed(self, error: BaseException) -> None:
        self._running = False
        report_error(error)

    def _refresh_lists(self) -> None:
        archive = self._archive
        if self._in_process():
            executor, root = self._executor(), str(archive.layout.root)
            job: Callable[[], ReviewLists] = lambda: executor.submit(review_lists_of, root).result()  # noqa: E731
        else:
            job = lambda: review_lists(archive)  # noqa: E731
        run_task(job, self._lists_done, report_error, pool_name="consent", owner=self)

    def _lists_done(self, lists: ReviewLists) -> None:
        self.needs_review, self.expiring = lists.needs_review, lists.expiring
        self.lists_changed.emit()

    def shutdown(self) -> None:
        """Stop the separate process, if one was started (the window is closing)."""
        self._day_timer.stop()
        self._lists_timer.stop()
        if self._process is not None:
            self._process.shutdown(wait=False, cancel_futures=True)
            self._process = None

    def _check_day(self) -> None:
        if self.overview is not None and self.overview.day != clock.today():
            self.refresh_all()

    @property
    def day(self) -> date:
        return self.overview.day if self.overview is not None else clock.today()
