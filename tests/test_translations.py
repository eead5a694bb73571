"""The Simplified Chinese translation is complete and current.

Fails when a string in the GUI has no finished Chinese entry, when a
translation drops a placeholder, or when the .ts misses strings that are in
the source (run `python3 bootstrap.py translations`, then translate).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "shopkeeper_zh_CN.ts"
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%L?n")
# A text that is only placeholders (and format specs) has nothing to translate: "{problems}", "{rows:,}".
WORDING_ONLY = re.compile(r"\{[a-z_]+(?::[^}]*)?\}|%L?n")


def _messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(path).getroot()
    return [
        (ctx.findtext("name") or "", m.findtext("source") or "", m)
        for ctx in root.iter("context")
        for m in ctx.iter("message")
    ]


def _tool(name: str) -> Path:
    folder = Path(sys.executable).parent
    candidate = folder / (name + (".exe" if sys.platform == "win32" else ""))
    if not candidate.exists():
        found = shutil.which(name)
        if found is None:
            pytest.fail(f"{name} not found next to {sys.executable}")
        return Path(found)
    return candidate


def test_every_entry_has_a_finished_chinese_translation() -> None:
    problems = []
    for context, source, message in _messages(TS):
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{context}: {source!r} is {translation.get('type')}")
            continue
        texts = [f.text or "" for f in translation.findall("numerusform")] or [translation.text or ""]
        for text in texts:
            if not text.strip():
                problems.append(f"{context}: {source!r} has no translation")
            elif sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
                problems.append(f"{context}: {source!r} loses a placeholder in {text!r}")
            elif text == source and re.search(r"[A-Za-z]{4,}", WORDING_ONLY.sub("", source)) and "Shop" not in source:
                problems.append(f"{context}: {source!r} is left in English")
    assert problems == []


def test_ts_file_covers_every_string_in_the_source(tmp_path: Path) -> None:
    sources = sorted((ROOT / "src" / "shopkeeper" / "ui").rglob("*.py")) + [ROOT / "src" / "shopkeeper" / "app.py"]
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    subprocess.run(
        [str(_tool("pyside6-lupdate")), "-no-obsolete", "-locations", "none", *map(str, sources), "-ts", str(copy)],
        check=True, capture_output=True,
    )
    before = {(c, s) for c, s, _m in _messages(TS)}
    after = {(c, s) for c, s, _m in _messages(copy)}
    assert sorted(after - before) == [], "strings missing from the .ts: run `python3 bootstrap.py translations`"


def test_compiled_translation_turns_the_window_chinese(tmp_path: Path, qapp) -> None:  # noqa: ANN001
    from PySide6.QtCore import QCoreApplication, QTranslator

    qm = tmp_path / "zh.qm"
    subprocess.run([str(_tool("pyside6-lrelease")), "-silent", str(TS), "-qm", str(qm)], check=True)
    app = qapp
    translator = QTranslator()
    assert translator.load(str(qm))
    app.installTranslator(translator)
    try:
        assert QCoreApplication.translate("MainWindow", "Members") == "会员"
        assert QCoreApplication.translate("ListingsTab", "%Ln SKU(s)", "", 3) == "3 个 SKU"
    finally:
        app.removeTranslator(translator)


EN = ROOT / "resources" / "i18n" / "shopkeeper_en.ts"


def test_english_counts_read_naturally(tmp_path: Path, qapp) -> None:  # noqa: ANN001
    """Every counted string has English plural forms: '1 SKU', '115 SKUs', never '115 SKU(s)'."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    counted = {(c, s) for c, s, m in _messages(TS) if m.get("numerus") == "yes"}
    english = {(c, s) for c, s, m in _messages(EN) if m.get("numerus") == "yes"}
    assert counted and english == counted
    for context, source, message in _messages(EN):
        forms = [f.text or "" for f in message.find("translation").findall("numerusform")]
        assert len(forms) == 2 and all(("%n" in f or "%Ln" in f) and "(s)" not in f for f in forms), (context, source)
    qm = tmp_path / "en.qm"
    subprocess.run([str(_tool("pyside6-lrelease")), "-silent", str(EN), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    try:
        assert QCoreApplication.translate("ListingsTab", "%Ln SKU(s)", "", 1) == "1 SKU"
        assert QCoreApplication.translate("ListingsTab", "%Ln SKU(s)", "", 115) == "115 SKUs"
    finally:
        qapp.removeTranslator(translator)


def test_no_translation_wrapper_hides_strings_from_lupdate() -> None:
    """`def _t(text): return translate("Ctx", text)` makes every `_t("...")` invisible to lupdate: the
    strings stay English in Chinese with no test noticing. Call `translate("Ctx", "literal")` or `self.tr`."""
    wrapper = re.compile(r"def \w+\(\s*\w+: str\s*\) -> str:\s*\n\s*return QCoreApplication\.translate\(\"\w+\", \w+\)")
    hidden = [str(p.relative_to(ROOT)) for p in sorted((ROOT / "src" / "shopkeeper").rglob("*.py"))
              if wrapper.search(p.read_text(encoding="utf-8"))]
    assert hidden == []
