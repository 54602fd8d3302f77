"""Printing and drawing many pages with one browser, and reading where each word landed on which page.

`rk report --format html` is printed by a reader from Chromium; the tests print every example's
report, in both languages, to check the pages by their geometry, and take screenshots to measure
what the browser drew. A Chromium launch a page would take most of the suite's time, so one
browser does it all (the `browser` fixture: one a worker): `Printer` drives headless Chromium over
its DevTools pipe (`--remote-debugging-pipe`: JSON messages on file descriptors 3 and 4, each
ended by a NUL byte) and asks for each page's PDF as the print dialog makes it, with the page size
and margins of the page's `@page` rule, or for a screenshot of a window of a given size.
test_paper.py checks that this prints the same pages as `chromium --headless --print-to-pdf`, and
draws the same pixels as `chromium --headless --window-size=... --screenshot`.

`Printed` reads a PDF with `pdftotext -raw -bbox` (its words in the order drawn): each page's size and the page each letter is
on. Lined up with the letters of the HTML page's `<main>`, it tells on which page each element of
the page was printed, and so whether a goal's card or a payment was split across pages.
"""

from __future__ import annotations

import base64
import difflib
import json
import os
import re
import select
import shutil
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

import pytest

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
needs_browser = pytest.mark.skipif(
    BROWSER is None and not os.environ.get("RK_REQUIRE_BROWSER"),
    reason="no chromium here (CI installs it and sets RK_REQUIRE_BROWSER)")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars"]
A4 = (595.28, 841.89)  # points: 210 × 297 mm
XHTML = "{http://www.w3.org/1999/xhtml}"
# An SVG's title and description are said by a screen reader, never drawn (inline SVG in HTML
# needs no namespace, so they may come without one).
UNDRAWN = ("title", "desc", "{http://www.w3.org/2000/svg}title", "{http://www.w3.org/2000/svg}desc")


class Printer:
    """One headless Chromium that prints pages to PDF and draws them, one after the other."""

    def __init__(self, browser: str, flags: list[str], profile: Path, timeout: float = 60):
        self.timeout = timeout
        to_browser, self._write = os.pipe()
        self._read, from_browser = os.pipe()

        def pipes() -> None:  # in the child: the pipes on the descriptors Chromium reads and writes
            reads, writes = os.dup(to_browser), os.dup(from_browser)
            os.dup2(reads, 3)
            os.dup2(writes, 4)

        self._process = subprocess.Popen(
            [browser, *flags, "--remote-debugging-pipe", f"--user-data-dir={profile}", "about:blank"],
            close_fds=False, preexec_fn=pipes, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        os.close(to_browser)
        os.close(from_browser)
        self._buffer = b""
        self._sent = 0
        target = self._call("Target.createTarget", url="about:blank")["targetId"]
        self._session = self._call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self._call("Page.enable", session=self._session)

    def pdf(self, page: Path) -> bytes:
        """`page` printed as from the print dialog: A4 where its `@page` says so, no header or footer."""
        self._load(page)
        data = self._call("Page.printToPDF", session=self._session, preferCSSPageSize=True,
                          displayHeaderFooter=False)["data"]
        return base64.b64decode(data)

    def screenshot(self, page: Path, width: int, height: int) -> bytes:
        """`page` as a window `width` × `height` CSS pixels draws it, as a PNG: what
        `chromium --headless --window-size=width,height --screenshot` writes."""
        self._call("Emulation.setDeviceMetricsOverride", session=self._session, width=width, height=height,
                   deviceScaleFactor=1, mobile=False)
        try:
            self._load(page)  # the load event waits for the page's frames and their scripts
            data = self._call("Page.captureScreenshot", session=self._session, format="png")["data"]
        finally:
            self._call("Emulation.clearDeviceMetricsOverride", session=self._session)
        return base64.b64decode(data)

    def _load(self, page: Path) -> None:
        self._call("Page.navigate", session=self._session, url=page.resolve().as_uri())
        while self._next().get("method") != "Page.loadEventFired":
            pass

    def _call(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        self._sent += 1
        message: dict[str, Any] = {"id": self._sent, "method": method, "params": params}
        if session is not None:
            message["sessionId"] = session
        os.write(self._write, json.dumps(message).encode("utf-8") + b"\0")
        while True:
            answer = self._next()
            if answer.get("id") == self._sent:
                assert "error" not in answer, f"{method}: {answer['error']}"
                result: dict[str, Any] = answer["result"]
                return result

    def _next(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._read], [], [], self.timeout)
            assert ready, f"Chromium said nothing for {self.timeout} s"
            chunk = os.read(self._read, 1 << 16)
            assert chunk, "Chromium closed its DevTools pipe"
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        said: dict[str, Any] = json.loads(message)
        return said

    def close(self) -> None:
        try:
            self._call("Browser.close")
        except (AssertionError, OSError):  # it said nothing, or has gone
            self._process.kill()
        finally:
            self._process.wait(timeout=self.timeout)
            os.close(self._write)
            os.close(self._read)

    def __enter__(self) -> Printer:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


def squashed(text: str) -> str:
    """Text without its white space: a line break in print is a space in HTML."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


class Printed:
    """Where an HTML page's elements landed in its PDF: the pages' sizes, and each element's pages."""

    def __init__(self, pdf: Path, page: str, unprinted: tuple[str, ...] = ("rkc-hidden", "rkc-swipe")):
        self._left_out = unprinted  # classes of elements the page shows on screen only
        layout = subprocess.run(["pdftotext", "-raw", "-bbox", str(pdf), "-"], capture_output=True,
                                text=True, check=True).stdout
        self.sizes: list[tuple[float, float]] = []
        on_page: list[int] = []  # the page of each letter printed, in the order pdftotext reads
        printed = []
        for number, sheet in enumerate(ET.fromstring(layout).iter(f"{XHTML}page")):
            self.sizes.append((float(sheet.get("width", 0)), float(sheet.get("height", 0))))
            for word in sheet.iter(f"{XHTML}word"):
                letters = squashed(word.text or "")
                printed.append(letters)
                on_page += [number] * len(letters)
        found = re.search(r"<main[^>]*>.*</main>", page, flags=re.S)
        assert found, "the page has no <main>"
        self.main = ET.fromstring(found.group())  # the page's markup is well-formed
        self._spans: dict[int, tuple[int, int]] = {}
        self.text = self._walk(self.main, 0)[1]
        # The page's letters lined up with the printed ones: the page each letter was printed on.
        # Mostly they are the same letters in the same order; where they are not, difflib lines up
        # what lies between the common start and end (on all of a long page, it would be slow).
        seen = self.printed = "".join(printed)
        self.page_of: list[int | None] = [None] * len(self.text)
        same = _alike(self.text, seen)
        tail = _alike(self.text[same:][::-1], seen[same:][::-1])
        self.page_of[:same] = on_page[:same]
        if tail:
            self.page_of[-tail:] = on_page[-tail:]
        middle = difflib.SequenceMatcher(None, self.text[same:len(self.text) - tail], seen[same:len(seen) - tail],
                                         autojunk=False)
        for ours, theirs, size in middle.get_matching_blocks():
            self.page_of[same + ours:same + ours + size] = on_page[same + theirs:same + theirs + size]
        self.unprinted = self.page_of.count(None)

    def _walk(self, element: ET.Element, start: int) -> tuple[int, str]:
        if element.tag in UNDRAWN or set(classes(element)) & set(self._left_out):
            self._spans[id(element)] = (start, start)
            return start, ""
        text = squashed(element.text or "")
        for inner in element:
            _, said = self._walk(inner, start + len(text))
            text += said + squashed(inner.tail or "")
        self._spans[id(element)] = (start, start + len(text))
        return start + len(text), text

    def elements(self) -> Iterator[ET.Element]:
        yield from self.main.iter()

    def span(self, element: ET.Element) -> tuple[int, int]:
        return self._spans[id(element)]

    def pages(self, element: ET.Element) -> set[int]:
        """The pages `element`'s text was printed on."""
        start, end = self.span(element)
        return {page for page in self.page_of[start:end] if page is not None}

    def text_of(self, element: ET.Element) -> str:
        start, end = self.span(element)
        return self.text[start:end]

    def followed_on_the_same_page(self, element: ET.Element) -> bool:
        """Whether the text after `element` starts on the page where `element`'s text ends: a
        heading that does is not the last line of its page."""
        _, end = self.span(element)
        before = next((p for p in reversed(self.page_of[:end]) if p is not None), None)
        after = next((p for p in self.page_of[end:] if p is not None), None)
        return after is None or before == after


def _alike(one: str, other: str) -> int:
    """How many letters the two texts start with alike."""
    return next((i for i, (a, b) in enumerate(zip(one, other, strict=False)) if a != b), min(len(one), len(other)))


def classes(element: ET.Element) -> list[str]:
    return (element.get("class") or "").split()


def printed_pages(printer: Printer, folder: Path, pages: dict[str, str]) -> dict[str, Printed]:
    """Each page (HTML by name) printed to PDF by the browser, and read back."""
    found = {}
    for name, page in pages.items():
        html = folder / f"{name}.html"
        html.write_text(page, encoding="utf-8")
        pdf = folder / f"{name}.pdf"
        pdf.write_bytes(printer.pdf(html))
        found[name] = Printed(pdf, page)
    return found


def chromium(folder: Path, *args: str) -> None:
    """Chromium run once from the command line with `args`, as a reader would (a profile of its own)."""
    assert BROWSER, "chromium is needed for this test"
    profile = folder / f"profile-{len(list(folder.iterdir()))}"
    subprocess.run([BROWSER, *FLAGS, f"--user-data-dir={profile}", *args], check=True,
                   capture_output=True, timeout=120)
