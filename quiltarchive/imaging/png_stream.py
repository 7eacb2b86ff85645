"""Writing a PNG strip by strip, so an image far larger than memory allows can be written.

Pillow encodes a PNG from a whole image in memory; a 300 dpi quilt poster can be hundreds of
megapixels. This writer takes horizontal RGB strips in order and compresses them as they come:
each row is stored with PNG's "Up" filter (the difference from the row above, which Pillow
computes in C) in one zlib stream split over IDAT chunks. The only ancillary chunk is an iCCP
sRGB profile: no text, time or physical-size chunks.
"""

import struct
import zlib
from types import TracebackType
from typing import BinaryIO

from PIL import Image, ImageChops

SIGNATURE = b"\x89PNG\r\n\x1a\n"
UP = b"\x02"
IDAT_SIZE = 1 << 20
# zlib level 1: on photos it makes files about 6% larger than level 6, five times faster.
COMPRESSION_LEVEL = 1
ROWS_AT_A_TIME = 64


def _chunk(kind: bytes, data: bytes) -> bytes:
    checksum = zlib.crc32(data, zlib.crc32(kind)) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", checksum)


class PngStripWriter:
    """`write(strip)` RGB strips of the full width, top to bottom, then `close()`."""

    def __init__(
        self, stream: BinaryIO, width: int, height: int, *, icc_profile: bytes | None = None
    ) -> None:
        self._stream = stream
        self.width = width
        self.height = height
        self._rows_written = 0
        self._previous_row = Image.new("RGB", (width, 1))
        self._compressor = zlib.compressobj(COMPRESSION_LEVEL)
        self._pending = bytearray()
        stream.write(SIGNATURE)
        stream.write(_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)))
        if icc_profile:
            compressed = zlib.compress(icc_profile, 9)
            stream.write(_chunk(b"iCCP", b"sRGB\x00\x00" + compressed))

    def write(self, strip: Image.Image) -> None:
        if strip.mode != "RGB" or strip.width != self.width:
            raise ValueError("a strip must be RGB and as wide as the image")
        if self._rows_written + strip.height > self.height:
            raise ValueError("more rows than the image has")
        # A few rows at a time: filtering makes several copies of what it is given.
        for top in range(0, strip.height, ROWS_AT_A_TIME):
            self._write_rows(
                strip.crop((0, top, self.width, min(strip.height, top + ROWS_AT_A_TIME)))
            )

    def _write_rows(self, strip: Image.Image) -> None:
        rows = strip.height
        above = Image.new("RGB", strip.size)
        above.paste(self._previous_row, (0, 0))
        if rows > 1:
            above.paste(strip.crop((0, 0, self.width, rows - 1)), (0, 1))
        raw = ImageChops.subtract_modulo(strip, above).tobytes()
        stride = self.width * 3
        filtered = b"".join(UP + raw[i * stride : (i + 1) * stride] for i in range(rows))
        self._pending += self._compressor.compress(filtered)
        self._flush(final=False)
        self._previous_row = strip.crop((0, rows - 1, self.width, rows))
        self._rows_written += rows

    def close(self) -> None:
        if self._rows_written != self.height:
            raise ValueError(f"{self._rows_written} of {self.height} rows were written")
        self._pending += self._compressor.flush()
        self._flush(final=True)
        self._stream.write(_chunk(b"IEND", b""))

    def _flush(self, *, final: bool) -> None:
        while len(self._pending) >= IDAT_SIZE or (final and self._pending):
            self._stream.write(_chunk(b"IDAT", bytes(self._pending[:IDAT_SIZE])))
            del self._pending[:IDAT_SIZE]

    def __enter__(self) -> "PngStripWriter":
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.close()
