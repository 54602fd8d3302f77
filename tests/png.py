"""Just enough of a screenshot to measure what a browser drew: its pixels, and runs of a colour.

Pillow decodes the PNG and numpy finds the runs: both in C, as a screenshot is half a million
pixels and the tests read several.
"""

from __future__ import annotations

from pathlib import Path

import numpy
from PIL import Image

# A screenshot's pixels, row by row: pixels[y, x] is (red, green, blue), as signed integers so
# that differences between colours never wrap around.
Pixels = numpy.ndarray


def read_png(path: Path) -> tuple[int, int, Pixels]:
    with Image.open(path) as image:
        pixels = numpy.asarray(image.convert("RGB"), dtype=numpy.int16)
    height, width, _ = pixels.shape
    return width, height, pixels


def matches(pixels: Pixels, colour: tuple[int, int, int], tolerance: int = 12) -> Pixels:
    """Where the picture is (nearly) `colour`: each channel within `tolerance`."""
    return numpy.all(numpy.abs(pixels - numpy.array(colour, dtype=numpy.int16)) <= tolerance, axis=-1)


def run_at(pixels: Pixels, colour: tuple[int, int, int], tolerance: int = 12) -> tuple[int, int, int]:
    """The widest horizontal run of (nearly) one colour: its length, first x and y; the first
    such run, reading the rows from the top and each from the left. (0, 0, 0) where there is none."""
    near = matches(pixels, colour, tolerance).astype(numpy.int32)
    counted = numpy.cumsum(near, axis=1)
    # The count where each run started: the count at the last pixel of another colour before it.
    started = numpy.maximum.accumulate(numpy.where(near == 0, counted, 0), axis=1)
    runs = counted - started  # the length of the run that ends at each pixel
    longest = int(runs.max()) if runs.size else 0
    if longest == 0:
        return 0, 0, 0
    y, x = divmod(int(numpy.argmax(runs.ravel() == longest)), runs.shape[1])
    return longest, x - longest + 1, y


def longest_run(pixels: Pixels, colour: tuple[int, int, int], tolerance: int = 12) -> int:
    """The widest horizontal run of (nearly) one colour anywhere in the picture."""
    return run_at(pixels, colour, tolerance)[0]


def upright(pixels: Pixels) -> Pixels:
    """The picture turned so that its columns are rows: runs along it are vertical runs."""
    return pixels.transpose(1, 0, 2)
