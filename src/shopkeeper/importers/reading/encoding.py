"""Decide which encoding a file's bytes are in, from a bounded sample.

Order of trust: a byte-order mark (also one hidden behind leading whitespace), then
UTF-16 without a BOM (NUL bytes are valid UTF-8, so this must be looked at before
UTF-8), strict UTF-8, GB18030 (a superset of GBK/GB2312) when the result reads
like Chinese, and finally cp1252, which accepts any byte.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from shopkeeper.domain.messages import Message

from .errors import NotText

SAMPLE_BYTES = 1 << 20

_LEADING_WHITESPACE = b" \t\r\n"
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)
# C0/C1 controls other than TAB, LF, CR and FF never occur in a table export; NUL and
# friends in any number mean the bytes are binary or in an encoding we mis-guessed.
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_NON_ASCII_BYTE = re.compile(rb"[\x80-\xff]")

C1_ERRORS = "shopkeeper.cp1252-c1"


def _keep_undefined_as_c1(error: UnicodeError) -> tuple[str, int]:
    # cp1252 leaves five bytes undefined; Windows maps them to the C1 controls of the
    # same value, and so do we, so such a byte never stops an import.
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error(C1_ERRORS, _keep_undefined_as_c1)


@dataclass(frozen=True)
class EncodingGuess:
    name: str  # label for SourceTable.encoding: utf-8, utf-8-sig, utf-16, gb18030, cp1252
    codec: str  # the Python codec that decodes the bytes after `skip_bytes`
    skip_bytes: int = 0  # leading whitespace plus BOM, dropped from the output
    sample_is_blank: bool = False

    @property
    def errors(self) -> str:
        return C1_ERRORS if self.codec == "cp1252" else "strict"


def detect_encoding(sample: bytes, *, at_eof: bool) -> EncodingGuess:
    """The encoding of `sample` (the first bytes of a file); raises NotText for binary data."""
    guess = _guess(sample, at_eof=at_eof)
    text = _decode(sample[guess.skip_bytes :], guess.codec, guess.errors, final=at_eof)
    if text is None:
        raise NotText(Message("import.file.not_in_encoding", {"encoding": guess.name.upper()}))
    _refuse_control_characters(text)
    blank = not text.strip()
    return EncodingGuess(guess.name, guess.codec, guess.skip_bytes, sample_is_blank=blank)


def legacy_codec_for(window: bytes) -> str:
    """'gb18030' or 'cp1252' for bytes that proved not to be UTF-8; `window` starts at a line start."""
    text = _decode(window, "gb18030", "strict", final=False)
    if text is not None and _reads_like_chinese(text):
        return "gb18030"
    return "cp1252"


def codec_for_late_evidence(window: bytes) -> str:
    """The codec of the first non-ASCII bytes of a file whose sample was pure ASCII."""
    if _decode(window, "utf-8", "strict", final=False) is not None:
        return "utf-8"
    return legacy_codec_for(window)


def first_non_ascii(data: bytes | bytearray) -> int:
    found = _NON_ASCII_BYTE.search(data)
    return -1 if found is None else found.start()


def _guess(sample: bytes, *, at_eof: bool) -> EncodingGuess:
    stripped = sample.lstrip(_LEADING_WHITESPACE)
    for bom, name, codec in _BOMS:
        if stripped.startswith(bom):
            return EncodingGuess(name, codec, len(sample) - len(stripped) + len(bom))
    if b"\x00" in sample:
        utf16 = _utf16_without_bom(sample)
        if utf16 is None:
            raise NotText(Message("import.file.binary"))
        return EncodingGuess("utf-16", utf16)
    if _decode(sample, "utf-8", "strict", final=at_eof) is not None:
        return EncodingGuess("utf-8", "utf-8")
    gb_text = _decode(sample, "gb18030", "strict", final=at_eof)
    if gb_text is not None and _reads_like_chinese(gb_text):
        return EncodingGuess("gb18030", "gb18030")
    return EncodingGuess("cp1252", "cp1252")


def _utf16_without_bom(sample: bytes) -> str | None:
    units = len(sample) // 2
    if units == 0:
        return None
    # ASCII delimiters, digits and line breaks are half NUL in UTF-16; which half tells the byte order.
    nul_even, nul_odd = sample[0 : units * 2 : 2].count(0), sample[1 : units * 2 : 2].count(0)
    if nul_odd >= units * 0.1 and nul_even <= units * 0.02:
        return "utf-16-le"
    if nul_even >= units * 0.1 and nul_odd <= units * 0.02:
        return "utf-16-be"
    return None


def _reads_like_chinese(text: str) -> bool:
    # Latin-1 text read as GB18030 pairs an accented byte with the next ASCII letter,
    # which lands in GBK's rarely used extension rows; real Chinese exports are almost
    # entirely made of the common characters that GB2312 already had.
    # Punctuation and symbols (• ™ —) GB2312 lacks are written in GB18030's four-byte form
    # (high byte, digit, high byte, digit), which Latin-1 text practically never forms.
    wide = {ch for ch in set(text) if ord(ch) > 0x7F}
    if not wide:
        return True
    common = sum(1 for ch in wide if _in_gb2312(ch) or unicodedata.category(ch)[0] in "PS")
    return common >= len(wide) * 0.5


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _decode(data: bytes, codec: str, errors: str, *, final: bool) -> str | None:
    try:
        return codecs.getincrementaldecoder(codec)(errors).decode(data, final)
    except UnicodeDecodeError:
        return None


def _refuse_control_characters(text: str) -> None:
    controls = len(_CONTROL_CHARS.findall(text))
    if controls > max(4, len(text) // 1000):
        raise NotText(Message("import.file.binary"))
