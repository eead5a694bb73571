"""One streaming pass over a text file: decode, repair line breaks, count quotes.

Two flavours: `transcode_to_utf8` writes a UTF-8 copy (needed for every encoding but
plain UTF-8), and `scan_utf8_bytes` only counts bytes of a file that is kept as it is,
so a large UTF-8 export is never decoded or copied.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from shopkeeper.domain.messages import Message

from .encoding import (
    C1_ERRORS,
    EncodingGuess,
    codec_for_late_evidence,
    first_non_ascii,
    legacy_codec_for,
)
from .errors import Cancel, NotText, raise_if_cancelled

CHUNK_BYTES = 1 << 20
SCAN_BYTES = 4 << 20
EVIDENCE_BYTES = 64 << 10

_LONE_CR = re.compile("\r(?!\n)")

# UTF-8 with lines in another encoding (rows pasted in from an old program): the rest of such
# a line is read in the legacy codec, and the UTF-8 around it stays UTF-8.
_MIXED_ERRORS = {"gb18030": "shopkeeper.utf8-then-gb18030", "cp1252": "shopkeeper.utf8-then-cp1252"}


def _rest_of_line_in(codec: str) -> Callable[[UnicodeError], tuple[str, int]]:
    def handler(error: UnicodeError) -> tuple[str, int]:
        if not isinstance(error, UnicodeDecodeError):
            raise error
        data = error.object
        end = data.find(b"\n", error.start)
        end = len(data) if end < 0 else end
        stretch = bytes(data[error.start : end])
        try:
            return stretch.decode(codec), end
        except UnicodeDecodeError:
            return stretch.decode("cp1252", C1_ERRORS), end

    return handler


for _codec, _name in _MIXED_ERRORS.items():
    codecs.register_error(_name, _rest_of_line_in(_codec))


@dataclass(frozen=True)
class TextPass:
    encoding: str  # what the bytes turned out to be (may differ from the first guess)
    quote_count: int  # '"' characters written; odd means a quote may never close
    lone_cr_fixed: int  # lone CR line breaks outside quotes rewritten as LF
    skipped_bytes: int  # leading whitespace + BOM not copied


@dataclass(frozen=True)
class ByteScan:
    quote_count: int
    has_lone_cr: bool
    late_codec: str | None  # codec implied by the first non-ASCII bytes, when asked for


class _LineBreaks:
    """Turns lone CR line breaks outside quoted values into LF, counting quotes on the way.

    DuckDB reads a file that uses only CR fine, but one that mixes CR and LF breaks
    outside quotes loses values without an error, so such breaks are made uniform.
    A CR inside a quoted value is data and stays.
    """

    def __init__(self) -> None:
        self.quotes = 0
        self.fixed = 0
        self._held_cr = False

    def feed(self, text: str, *, final: bool = False) -> str:
        if self._held_cr:
            text = "\r" + text
            self._held_cr = False
        if text.endswith("\r") and not final:
            # the LF of a CRLF may be the first character of the next chunk
            text = text[:-1]
            self._held_cr = True
        if "\r" not in text or _LONE_CR.search(text) is None:
            self.quotes += text.count('"')
            return text
        parts: list[str] = []
        start = 0
        for match in _LONE_CR.finditer(text):
            self.quotes += text.count('"', start, match.start())
            parts.append(text[start : match.start()])
            if self.quotes % 2 == 0:
                parts.append("\n")
                self.fixed += 1
            else:
                parts.append("\r")
            start = match.end()
        self.quotes += text.count('"', start)
        parts.append(text[start:])
        return "".join(parts)


class _Undecodable(Exception):
    def __init__(self, window: bytes, *, after_non_ascii: bool) -> None:
        super().__init__("undecodable bytes")
        self.window = window
        self.after_non_ascii = after_non_ascii  # text that was not ASCII decoded before these bytes


def transcode_to_utf8(src: Path, dst: Path, guess: EncodingGuess, cancel: Cancel = None) -> TextPass:
    """Write `src` as UTF-8 without BOM to `dst`; restart with a legacy codec if the bytes disagree."""
    name, codec, errors = guess.name, guess.codec, guess.errors
    tried: set[str] = set()
    try:
        while True:
            tried.add(codec)
            try:
                return _one_pass(src, dst, name, codec, errors, guess.skip_bytes, cancel)
            except _Undecodable as bad:
                if codec.startswith("utf-16"):
                    raise NotText(Message("import.file.not_in_encoding", {"encoding": "UTF-16"})) from None
                if codec == "utf-8" and bad.after_non_ascii:
                    # real UTF-8 came first: reading it all in a legacy codec would garble it
                    legacy = legacy_codec_for(bad.window)
                    name, errors = f"utf-8+{legacy}", _MIXED_ERRORS[legacy]
                    continue
                # decide from the bytes that failed, not from the (often pure ASCII) start
                codec = legacy_codec_for(bad.window)
                if codec in tried:
                    codec = "cp1252"
                name = codec
                errors = C1_ERRORS if codec == "cp1252" else "strict"
    except BaseException:
        dst.unlink(missing_ok=True)
        raise


def _one_pass(src: Path, dst: Path, name: str, codec: str, errors: str, skip: int, cancel: Cancel) -> TextPass:
    decoder = codecs.getincrementaldecoder(codec)(errors)
    breaks = _LineBreaks()
    first = True
    non_ascii = False
    with src.open("rb") as source, dst.open("wb") as out:
        source.seek(skip)
        while True:
            raise_if_cancelled(cancel)
            chunk = source.read(CHUNK_BYTES)
            final = not chunk
            try:
                text = decoder.decode(chunk, final)
            except UnicodeDecodeError as error:
                data = bytes(error.object)
                before = non_ascii or not data[: error.start].isascii()
                raise _Undecodable(_window_at(data, error.start), after_non_ascii=before) from None
            non_ascii = non_ascii or not text.isascii()
            if first and text:
                text = text.removeprefix("\ufeff")
                first = False
            out.write(breaks.feed(text, final=final).encode("utf-8"))
            if final:
                break
    return TextPass(name, breaks.quotes, breaks.fixed, skip)


def _window_at(data: bytes, position: int) -> bytes:
    # a multi-byte character never contains LF in UTF-8 or GB18030, so a line start is aligned
    line_start = data.rfind(b"\n", 0, position) + 1
    return data[line_start : position + EVIDENCE_BYTES]


def scan_utf8_bytes(path: Path, *, want_evidence: bool, cancel: Cancel = None) -> ByteScan:
    """Count quotes and lone CRs of a file kept as it is; optionally find its first non-ASCII bytes.

    Byte counting runs at memory speed and decodes nothing. `want_evidence` is for
    files whose sample was pure ASCII: the first non-ASCII bytes decide the encoding.
    """
    buffer = bytearray(SCAN_BYTES)
    quotes = crs = crlfs = 0
    previous_ended_cr = False
    late: str | None = None
    offset = 0
    with path.open("rb", buffering=0) as source:
        while True:
            raise_if_cancelled(cancel)
            size = source.readinto(buffer)
            if not size:
                break
            view = buffer if size == len(buffer) else buffer[:size]
            quotes += view.count(b'"')
            crs_here = view.count(b"\r")
            if crs_here:
                crs += crs_here
                crlfs += view.count(b"\r\n")
            if previous_ended_cr and view.startswith(b"\n"):
                crlfs += 1
            previous_ended_cr = view.endswith(b"\r")
            if want_evidence and not view.isascii():
                late = _late_codec(path, offset, view)
                want_evidence = False
            offset += size
    return ByteScan(quotes, crs > crlfs, late)


def _late_codec(path: Path, offset: int, view: bytearray) -> str:
    # everything before this buffer was ASCII, so its start is a character boundary
    position = first_non_ascii(view)
    line_start = view.rfind(b"\n", 0, position) + 1
    with path.open("rb") as source:
        source.seek(offset + line_start)
        window = source.read(position - line_start + EVIDENCE_BYTES)
    return codec_for_late_evidence(window)
