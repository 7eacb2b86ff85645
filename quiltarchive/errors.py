"""Errors the core raises, each carrying a message written for the person using the archive."""

import errno

# What the operating system says when a write finds no room: the disk, or the user's quota.
DISK_FULL_ERRNOS = (errno.ENOSPC, errno.EDQUOT)


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


class ArchiveFull(QuiltArchiveError):
    """The disk the archive lives on has no space left: nothing more can be written."""

    MESSAGE = "the archive's disk is full"

    def __init__(self, message: str = "") -> None:
        super().__init__(
            message
            or "The archive's disk is full: nothing more can be written to it. Free some space "
            "(or move the archive to a larger disk), then try again."
        )
