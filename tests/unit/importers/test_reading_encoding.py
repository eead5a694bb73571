"""Encoding detection and the streaming UTF-8 transcode, on bytes generated per test."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shopkeeper.importers.reading import transcode
from shopkeeper.importers.reading.encoding import EncodingGuess, detect_encoding
from shopkeeper.importers.reading.errors import ImportCancelled, NotText
from shopkeeper.importers.reading.transcode import _LineBreaks, scan_utf8_bytes, transcode_to_utf8

CHINESE = "订单编号,宝贝名称,买家留言\n=\"6917926768823643751\",羽绒服 白色,请尽快发货，谢谢！\n"


def _transcode(tmp_path: Path, raw: bytes, guess: EncodingGuess) -> tuple[str, transcode.TextPass]:
    src, dst = tmp_path / "in.csv", tmp_path / "out.csv"
    src.write_bytes(raw)
    result = transcode_to_utf8(src, dst, guess)
    return dst.read_bytes().decode("utf-8"), result


class TestDetect:
    def test_utf8_bom(self) -> None:
        guess = detect_encoding(b"\xef\xbb\xbfName,Price\n", at_eof=True)
        assert (guess.name, guess.codec, guess.skip_bytes) == ("utf-8-sig", "utf-8", 3)

    def test_bom_after_whitespace_is_skipped_with_the_whitespace(self) -> None:
        guess = detect_encoding(b"\n\t\xef\xbb\xbfID,Name\n", at_eof=True)
        assert (guess.name, guess.skip_bytes) == ("utf-8-sig", 5)

    @pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
    def test_utf16_bom(self, codec: str) -> None:
        raw = "\ufefftitle\tcid\n宝贝名称\t类目\n".encode(codec)
        guess = detect_encoding(raw, at_eof=True)
        assert (guess.name, guess.codec, guess.skip_bytes) == ("utf-16", codec, 2)

    def test_utf16_without_bom_is_found_by_its_nul_bytes(self) -> None:
        guess = detect_encoding("title\tprice\n羽绒服\t199\n".encode("utf-16-le"), at_eof=True)
        assert (guess.name, guess.codec, guess.skip_bytes) == ("utf-16", "utf-16-le", 0)

    def test_plain_utf8(self) -> None:
        assert detect_encoding(CHINESE.encode("utf-8"), at_eof=True).name == "utf-8"

    def test_gbk_bytes_are_gb18030(self) -> None:
        assert detect_encoding(CHINESE.encode("gbk"), at_eof=True).name == "gb18030"

    def test_cp1252_with_punctuation_after_accents(self) -> None:
        assert detect_encoding("Name,Note\nCafé,5 €\n".encode("cp1252"), at_eof=True).name == "cp1252"

    def test_english_with_symbols_gbk_lacks_saved_as_gb18030_is_gb18030(self) -> None:
        # Found by the fuzzer: "•" and "™" exist in GB18030 only as four-byte sequences; read as cp1252
        # they turned an Etsy description into mojibake. Latin-1 text never forms those sequences.
        raw = "TITLE,DESCRIPTION\nI Eat Cat,\"Warm.\r\n• 50% cotton™\"\n".encode("gb18030")
        assert detect_encoding(raw, at_eof=True).name == "gb18030"

    def test_cp1252_that_also_decodes_as_gb18030_stays_cp1252(self) -> None:
        raw = "Name\nCrème brûlée\nTête\n".encode("cp1252")
        raw.decode("gb18030")  # the trap: every accented byte pairs up with the next letter
        assert detect_encoding(raw, at_eof=True).name == "cp1252"

    def test_sample_cut_inside_a_character_is_still_utf8(self) -> None:
        raw = ("a,b\n" + "宝" * 100).encode("utf-8")
        assert detect_encoding(raw[:-1], at_eof=False).name == "utf-8"

    def test_binary_junk_is_not_text(self) -> None:
        import random

        junk = random.Random(7).randbytes(4096)
        with pytest.raises(NotText, match="binary"):
            detect_encoding(junk, at_eof=True)

    def test_blank_sample_is_flagged(self) -> None:
        assert detect_encoding(b" \r\n\t\n", at_eof=True).sample_is_blank
        assert detect_encoding(b"\xef\xbb\xbf", at_eof=True).sample_is_blank
        assert not detect_encoding(b"a\n", at_eof=True).sample_is_blank


class TestTranscode:
    def test_gb18030_round_trips_exactly(self, tmp_path: Path) -> None:
        text, result = _transcode(tmp_path, CHINESE.encode("gb18030"), EncodingGuess("gb18030", "gb18030"))
        assert text == CHINESE
        assert result.encoding == "gb18030"
        assert result.quote_count == CHINESE.count('"')

    def test_bom_and_leading_whitespace_are_dropped(self, tmp_path: Path) -> None:
        raw = b"\n\t\xef\xbb\xbfID,Name\n1,x\n"
        text, result = _transcode(tmp_path, raw, detect_encoding(raw, at_eof=True))
        assert text == "ID,Name\n1,x\n"
        assert (result.encoding, result.skipped_bytes) == ("utf-8-sig", 5)

    def test_utf16_with_bom(self, tmp_path: Path) -> None:
        original = "version 1.00\ntitle\tcid\n宝贝名称\t类目\n"
        raw = b"\xff\xfe" + original.encode("utf-16-le")
        text, _ = _transcode(tmp_path, raw, detect_encoding(raw, at_eof=True))
        assert text == original

    def test_later_chunk_not_utf8_restarts_as_gb18030(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(transcode, "CHUNK_BYTES", 64)
        original = "id,name\n" + "".join(f"{i},ascii\n" for i in range(50)) + "51,张伟\n52,王芳\n"
        raw = b"\xef\xbb\xbf" + original.encode("gb18030")
        text, result = _transcode(tmp_path, raw, detect_encoding(raw[:64], at_eof=False))
        assert result.encoding == "gb18030"
        assert text == original

    def test_later_chunk_not_utf8_and_latin_restarts_as_cp1252(self, tmp_path: Path) -> None:
        original = "id,name\n1,Crème\n"
        text, result = _transcode(tmp_path, original.encode("cp1252"), EncodingGuess("utf-8", "utf-8"))
        assert (result.encoding, text) == ("cp1252", original)

    def test_undefined_cp1252_bytes_do_not_stop_the_import(self, tmp_path: Path) -> None:
        text, _ = _transcode(tmp_path, b"a,b\n\x81,\x80\n", EncodingGuess("cp1252", "cp1252"))
        assert text == "a,b\n\x81,€\n"

    def test_lone_cr_outside_quotes_becomes_lf_inside_quotes_stays(self, tmp_path: Path) -> None:
        raw = b'a,b\r1,"x\ry"\r\n2,3\r'
        text, result = _transcode(tmp_path, raw, EncodingGuess("utf-8", "utf-8"))
        assert text == 'a,b\n1,"x\ry"\r\n2,3\n'
        assert result.lone_cr_fixed == 2

    def test_cancel_stops_and_removes_the_partial_output(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(transcode, "CHUNK_BYTES", 16)
        src, dst = tmp_path / "in.csv", tmp_path / "out.csv"
        src.write_bytes(CHINESE.encode("gb18030") * 20)
        polls = iter([False, False, True])
        with pytest.raises(ImportCancelled):
            transcode_to_utf8(src, dst, EncodingGuess("gb18030", "gb18030"), cancel=lambda: next(polls))
        assert not dst.exists()


class TestByteScan:
    def test_counts_quotes_and_lone_cr(self, tmp_path: Path) -> None:
        path = tmp_path / "f.csv"
        path.write_bytes(b'a,"b"\r\n1,2\r3,4\n')
        scan = scan_utf8_bytes(path, want_evidence=False)
        assert (scan.quote_count, scan.has_lone_cr, scan.late_codec) == (2, True, None)

    def test_crlf_split_across_buffers_is_not_a_lone_cr(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(transcode, "SCAN_BYTES", 4)
        path = tmp_path / "f.csv"
        path.write_bytes(b"abc\r\nde\r\n")
        assert not scan_utf8_bytes(path, want_evidence=False).has_lone_cr

    def test_first_non_ascii_bytes_decide(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(transcode, "SCAN_BYTES", 32)
        path = tmp_path / "f.csv"
        path.write_bytes(b"id,name\n" + b"1,abc\n" * 20 + "2,张伟\n".encode("gb18030"))
        assert scan_utf8_bytes(path, want_evidence=True).late_codec == "gb18030"
        path.write_bytes(b"id,name\n" + b"1,abc\n" * 20 + "2,张伟\n".encode())
        assert scan_utf8_bytes(path, want_evidence=True).late_codec == "utf-8"


_TEXT = st.text(alphabet=st.sampled_from(list('ab,"\n\t 宝贝名称羽绒服€é𠀀')), max_size=300)


@settings(max_examples=150, deadline=None)
@given(text=_TEXT, chunk=st.integers(min_value=1, max_value=9), codec=st.sampled_from(["gb18030", "utf-16-le", "utf-8"]))
def test_any_chunk_boundary_round_trips(text: str, chunk: int, codec: str) -> None:
    original = transcode.CHUNK_BYTES
    transcode.CHUNK_BYTES = chunk
    try:
        with tempfile.TemporaryDirectory() as folder:
            raw = text.encode(codec)
            name = "utf-16" if codec.startswith("utf-16") else codec
            out, result = _transcode(Path(folder), raw, EncodingGuess(name, codec))
    finally:
        transcode.CHUNK_BYTES = original
    assert out == text
    assert result.quote_count == text.count('"')


@given(text=st.text(alphabet=st.sampled_from(list('a"\r\n')), max_size=60), cut=st.integers(min_value=0, max_value=60))
def test_line_break_repair_does_not_depend_on_chunking(text: str, cut: int) -> None:
    whole = _LineBreaks()
    expected = whole.feed(text, final=True)
    split = _LineBreaks()
    got = split.feed(text[:cut]) + split.feed(text[cut:], final=True)
    assert got == expected
    assert (split.quotes, split.fixed) == (whole.quotes, whole.fixed)
