"""A set of photo ids kept as a bitmap.

Whole-archive answers ("which of 100,000 photos may go on the web today?") are kept by the app
for as long as it runs and sent between processes. As a bitmap such a set is 12 KB instead of
several MB, membership is one index, it pickles as bytes, and it gives the interpreter's garbage
collector nothing to walk through.
"""

from collections.abc import Iterable, Iterator
from typing import Any


class PhotoIdSet:
    __slots__ = ("_bits", "_count")

    def __init__(self, ids: Iterable[int] = ()) -> None:
        wanted = [i for i in ids if i >= 0]
        bits = bytearray((max(wanted) >> 3) + 1 if wanted else 0)
        for photo_id in wanted:
            bits[photo_id >> 3] |= 1 << (photo_id & 7)
        self._bits = bytes(bits)
        self._count = sum(map(int.bit_count, self._bits))

    @classmethod
    def _from_bits(cls, bits: bytes, count: int) -> "PhotoIdSet":
        made = cls.__new__(cls)
        made._bits, made._count = bits.rstrip(b"\0"), count
        return made

    def __contains__(self, photo_id: object) -> bool:
        if not isinstance(photo_id, int) or photo_id < 0:
            return False
        index = photo_id >> 3
        return index < len(self._bits) and bool(self._bits[index] & (1 << (photo_id & 7)))

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[int]:
        for index, byte in enumerate(self._bits):
            if byte:
                for bit in range(8):
                    if byte & (1 << bit):
                        yield index * 8 + bit

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PhotoIdSet):
            return self._bits.rstrip(b"\0") == other._bits.rstrip(b"\0")
        if isinstance(other, set | frozenset):
            return len(other) == self._count and all(i in self for i in other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._bits.rstrip(b"\0"))

    def __repr__(self) -> str:
        return f"PhotoIdSet({self._count} photos)"

    def __reduce__(self) -> tuple[Any, ...]:
        return PhotoIdSet._from_bits, (self._bits, self._count)

    def changed(self, remove: Iterable[int], add: Iterable[int]) -> "PhotoIdSet":
        """A copy with `remove` taken out and then `add` put in."""
        added = [i for i in add if i >= 0]
        size = max(len(self._bits), (max(added) >> 3) + 1 if added else 0)
        bits = bytearray(self._bits.ljust(size, b"\0"))
        for photo_id in remove:
            if 0 <= photo_id >> 3 < len(bits):
                bits[photo_id >> 3] &= ~(1 << (photo_id & 7)) & 0xFF
        for photo_id in added:
            bits[photo_id >> 3] |= 1 << (photo_id & 7)
        return PhotoIdSet._from_bits(bytes(bits), sum(map(int.bit_count, bits)))
