"""An open archive: its folder, its database connections, its write lock and its stores."""

import contextlib
import getpass
import os
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

from filelock import FileLock, Timeout

from quiltarchive import clock
from quiltarchive.errors import ArchiveLocked, NotAnArchive, QuiltArchiveError, ReadOnlyArchive
from quiltarchive.layout import ArchiveLayout
from quiltarchive.storage import schema
from quiltarchive.storage.appearances import AppearanceStore
from quiltarchive.storage.audit import AuditStore
from quiltarchive.storage.collections import CollectionStore
from quiltarchive.storage.consents import ConsentStore
from quiltarchive.storage.database import Connection, connect, transaction
from quiltarchive.storage.database import close as close_connection
from quiltarchive.storage.events import EventStore
from quiltarchive.storage.imports import ImportStore
from quiltarchive.storage.ledger import LedgerStore
from quiltarchive.storage.patches import PatchStore
from quiltarchive.storage.people import PeopleStore
from quiltarchive.storage.photos import PhotoStore
from quiltarchive.storage.quilts import QuiltStore
from quiltarchive.storage.search import SearchIndex
from quiltarchive.storage.settings import SettingsStore
from quiltarchive.storage.stories import StoryStore
from quiltarchive.storage.work_search import WorkSearchIndex

USER_ENVIRONMENT_VARIABLE = "QUILTARCHIVE_USER"


def default_user() -> str:
    """The name recorded on the audit trail when none is given."""
    named = os.environ.get(USER_ENVIRONMENT_VARIABLE, "").strip()
    if named:
        return named
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


class Archive:
    """An archive folder opened for reading, or for writing under an exclusive lock.

    Each thread gets its own SQLite connection; all share the settings in `storage.database`.
    """

    def __init__(self, layout: ArchiveLayout, *, writable: bool, user: str) -> None:
        self.layout = layout
        self.writable = writable
        self.user = user
        self._lock: FileLock | None = None
        self._local = threading.local()
        self._connections: list[Connection] = []
        self._connections_guard = threading.Lock()
        # Derived values kept for the session; each entry carries what invalidates it.
        self.memo: dict[object, tuple[object, object]] = {}

    # -- opening and closing -------------------------------------------------------------

    @classmethod
    def create(cls, root: str | os.PathLike[str], *, user: str | None = None) -> "Archive":
        """Make a new archive in `root` (an empty or missing folder) and open it for writing."""
        layout = ArchiveLayout(Path(root).expanduser().resolve())
        if layout.is_archive():
            raise QuiltArchiveError(f"There is already an archive in {layout.root}.")
        if layout.root.exists() and not layout.root.is_dir():
            raise QuiltArchiveError(f"{layout.root} is a file, not a folder.")
        layout.root.mkdir(parents=True, exist_ok=True)
        return cls._open(layout, writable=True, user=user, creating=True)

    @classmethod
    def open(
        cls,
        root: str | os.PathLike[str],
        *,
        writable: bool = True,
        user: str | None = None,
    ) -> "Archive":
        layout = ArchiveLayout(Path(root).expanduser().resolve())
        if not layout.is_archive():
            raise NotAnArchive(
                f"{layout.root} does not hold a QuiltArchive archive "
                "(there is no archive.sqlite in it). Create one with `quiltarchive init`."
            )
        return cls._open(layout, writable=writable, user=user, creating=False)

    @classmethod
    def _open(
        cls, layout: ArchiveLayout, *, writable: bool, user: str | None, creating: bool
    ) -> "Archive":
        archive = cls(layout, writable=writable, user=user or default_user())
        try:
            if writable:
                archive._acquire_lock()
                for folder in layout.folders():
                    folder.mkdir(parents=True, exist_ok=True)
            archive._bring_schema_up_to_date(creating=creating)
            if writable:
                with archive.atomic():
                    archive.imports.mark_running_as_interrupted()
        except BaseException:
            archive.close()
            raise
        return archive

    def _acquire_lock(self) -> None:
        lock = FileLock(self.layout.lock_file, timeout=0, thread_local=False)
        try:
            lock.acquire()
        except Timeout:
            raise ArchiveLocked(
                f"The archive in {self.layout.root} is being changed by another QuiltArchive "
                f"window or command ({self._lock_owner()}). Close it there, then try again."
            ) from None
        self._lock = lock
        owner = f"{self.user} on {socket.gethostname()}, process {os.getpid()}, since "
        self.layout.lock_owner_file.write_text(owner + clock.timestamp(), encoding="utf-8")

    def _lock_owner(self) -> str:
        try:
            return self.layout.lock_owner_file.read_text(encoding="utf-8").strip()
        except OSError:
            return "owner unknown"

    def _bring_schema_up_to_date(self, *, creating: bool) -> None:
        schema.ensure_not_too_new(self.db)
        if not schema.pending_migrations(self.db):
            return
        if self.writable:
            schema.upgrade(self.db, self.layout.backups)
            return
        # A reader may meet an archive written by an older version: upgrade it under the lock.
        upgrader = Archive.open(self.layout.root, writable=True, user=self.user)
        upgrader.close()

    def close(self) -> None:
        with self._connections_guard:
            for db in self._connections:
                close_connection(db, optimize=self.writable)
            self._connections.clear()
        self._local = threading.local()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> "Archive":
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # -- database access -----------------------------------------------------------------

    @property
    def db(self) -> Connection:
        """This thread's connection to the archive's database."""
        db: Connection | None = getattr(self._local, "db", None)
        if db is None:
            db = connect(self.layout.database, read_only=not self.writable)
            self._local.db = db
            with self._connections_guard:
                self._connections.append(db)
        return db

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Connection]:
        """All the writes inside happen together or not at all."""
        if not self.writable:
            raise ReadOnlyArchive(f"The archive in {self.layout.root} was opened for reading only.")
        with transaction(self.db) as db:
            yield db

    # -- stores ----------------------------------------------------------------------------

    @property
    def settings(self) -> SettingsStore:
        return SettingsStore(self.db)

    @property
    def audit(self) -> AuditStore:
        return AuditStore(self.db, self.user)

    @property
    def events(self) -> EventStore:
        return EventStore(self.db)

    @property
    def imports(self) -> ImportStore:
        return ImportStore(self.db)

    @property
    def photos(self) -> PhotoStore:
        return PhotoStore(self.db)

    @property
    def people(self) -> PeopleStore:
        return PeopleStore(self.db)

    @property
    def appearances(self) -> AppearanceStore:
        return AppearanceStore(self.db)

    @property
    def consents(self) -> ConsentStore:
        return ConsentStore(self.db)

    @property
    def search_index(self) -> SearchIndex:
        return SearchIndex(self.db)

    @property
    def quilts(self) -> QuiltStore:
        return QuiltStore(self.db)

    @property
    def patches(self) -> PatchStore:
        return PatchStore(self.db)

    @property
    def stories(self) -> StoryStore:
        return StoryStore(self.db)

    @property
    def work_search(self) -> WorkSearchIndex:
        return WorkSearchIndex(self.db)

    @property
    def collections(self) -> CollectionStore:
        return CollectionStore(self.db)

    @property
    def ledger(self) -> LedgerStore:
        return LedgerStore(self.db)
