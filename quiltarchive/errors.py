"""Errors the core raises, each carrying a message written for the person using the archive."""


class QuiltArchiveError(Exception):
    """Base class: the message is a plain sentence fit to show to a user."""


class NotAnArchive(QuiltArchiveError):
    """The folder holds no archive."""


class ArchiveLocked(QuiltArchiveError):
    """Another process is writing to the archive."""


class ArchiveTooNew(QuiltArchiveError):
    """The archive was written by a newer version of QuiltArchive."""


class ReadOnlyArchive(QuiltArchiveError):
    """A write was attempted on an archive opened for reading only."""


class NotFound(QuiltArchiveError):
    """An id or name that does not exist in the archive."""


class InvalidInput(QuiltArchiveError):
    """A value that is not acceptable (bad date, unknown use, impossible relation…)."""
