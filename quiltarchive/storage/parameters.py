"""Long lists of values passed to SQLite's `IN (…)` in pieces small enough for it: older
SQLite builds accept at most 999 parameters in one statement."""

from collections.abc import Iterable, Iterator, Sized
from typing import TypeVar

CHUNK = 900  # leaves room for the few other parameters a statement may carry

Value = TypeVar("Value")


def chunks(values: Iterable[Value]) -> Iterator[list[Value]]:
    listed = list(values)
    for start in range(0, len(listed), CHUNK):
        yield listed[start : start + CHUNK]


def placeholders(chunk: Sized) -> str:
    """`?,?,…`, one for each value of `chunk`."""
    return ",".join("?" * len(chunk))
