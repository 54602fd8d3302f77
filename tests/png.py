"""Just enough PNG reading to measure what a browser drew (8-bit RGB or RGBA)."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import numpy  # in the test extra: the rows most screenshots are made of, unfiltered at C speed


def _unfilter(kind: int, line: bytearray, previous: bytearray, bpp: int) -> None:
    """Undo the "average" (3) or "Paeth" (4) filter of one row, byte by byte, in place."""
    for x in range(len(line)):
        left = line[x - bpp] if x >= bpp else 0
        up = previous[x]
        up_left = previous[x - bpp] if x >= bpp else 0
        if kind == 3:
            line[x] = (line[x] + (left + up) // 2) & 255
        else:
            guess = left + up - up_left
            near = min((abs(guess - left), 0, left), (abs(guess - up), 1, up),
                       (abs(guess - up_left), 2, up_left))[2]
            line[x] = (line[x] + near) & 255


def read_png(path: Path) -> tuple[int, int, list[list[tuple[int, int, int]]]]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
    pos, idat = 8, b""
    width = height = colour = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        chunk, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if chunk == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and not interlace
        elif chunk == b"IDAT":
            idat += body
    raw = zlib.decompress(idat)
    bpp = 3 if colour == 2 else 4
    stride = width * bpp
    rows, previous, at = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[at], bytearray(raw[at + 1:at + 1 + stride])
        at += 1 + stride
        if kind == 2:  # "up", most rows of a screenshot: one sum, done by numpy
            line = bytearray((numpy.frombuffer(line, numpy.uint8) + numpy.frombuffer(previous, numpy.uint8))
                             .astype(numpy.uint8).tobytes())
        elif kind == 1:  # "sub": a running sum of each channel along the row
            pixels = numpy.frombuffer(line, numpy.uint8).reshape(width, bpp).astype(numpy.uint32)
            line = bytearray((numpy.cumsum(pixels, axis=0) % 256).astype(numpy.uint8).tobytes())
        elif kind in (3, 4):
            _unfilter(kind, line, previous, bpp)
        rows.append([(line[x], line[x + 1], line[x + 2]) for x in range(0, stride, bpp)])
        previous = line
    return width, height, rows


def longest_run(rows: list[list[tuple[int, int, int]]], colour: tuple[int, int, int],
                tolerance: int = 12) -> int:
    """The widest horizontal run of (nearly) one colour anywhere in the picture."""
    best = 0
    for row in rows:
        run = 0
        for pixel in row:
            if all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=False)):
                run += 1
                best = max(best, run)
            else:
                run = 0
    return best
