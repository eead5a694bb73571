"""Every message code the core gives is worded in English, in the window, and in Chinese.

The core says what happened as codes (domain/message_texts.py is their
registry); the window words them in ui/message_texts.py. A code used in src/
but missing from the registry would show as a bare code; a window text whose
placeholders differ from the English would drop or invent a detail; a code
with no finished entry in shopkeeper_zh_CN.ts shows English to a Chinese
seller. Each failure lists the codes at fault.
"""

from __future__ import annotations

import ast
import re
import string
import xml.etree.ElementTree as ET
from pathlib import Path

from shopkeeper.domain.message_texts import ENGLISH, english
from shopkeeper.domain.messages import Message

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "shopkeeper"
TS = ROOT / "resources" / "i18n" / "shopkeeper_zh_CN.ts"
CATALOGUES = {SRC / "domain" / "message_texts.py", SRC / "ui" / "message_texts.py"}
CODE = re.compile(r"(title|shop|import|reject|progress|demo|mapping|change|edit|field|export|check|campaign|festival|privacy)\.[a-z0-9_]+(\.[a-z0-9_]+)*")
NOT_CODES = {"shop.duckdb"}  # a file name shaped like a code
# Said by the command line only (the window never runs the demo command).
COMMAND_LINE_ONLY = {"demo.shop_exists"}


def _codes_in_source() -> dict[str, list[str]]:
    """Every string literal in src/ shaped like a code (Message codes, reject codes given to SQL)."""
    found: dict[str, list[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        if path in CATALOGUES:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and CODE.fullmatch(node.value) \
                    and node.value not in NOT_CODES:
                found.setdefault(node.value, []).append(f"{path.relative_to(SRC)}:{node.lineno}")
    return found


def _fields(template: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}


def _window_texts(qapp: object) -> dict[str, str]:
    from shopkeeper.ui.message_texts import window_texts

    return window_texts()


def test_every_code_used_in_the_source_has_english() -> None:
    used = _codes_in_source()
    assert len(used) > 100  # the walk found the importer's codes, not nothing
    missing = {code: where for code, where in used.items() if code not in ENGLISH}
    assert missing == {}, "codes with no English in domain/message_texts.py"


def test_every_english_code_is_used() -> None:
    used = set(_codes_in_source())
    # A `.one` form is given by singular() whenever its code counts exactly one thing.
    unused = sorted(c for c in set(ENGLISH) - used if not (c.endswith(".one") and c.removesuffix(".one") in used))
    assert unused == [], "codes nothing in src/ gives: remove them or use them"


def test_the_window_words_every_code_with_the_same_details(qapp: object) -> None:
    window = _window_texts(qapp)
    assert sorted(set(ENGLISH) - set(window) - COMMAND_LINE_ONLY) == [], "codes the window cannot word"
    assert sorted(set(window) - set(ENGLISH)) == [], "window texts for codes the core never gives"
    differ = {code: (sorted(_fields(ENGLISH[code])), sorted(_fields(text)))
              for code, text in window.items() if _fields(ENGLISH[code]) != _fields(text)}
    assert differ == {}, "window texts whose {placeholders} differ from the English"


def test_every_window_text_has_a_finished_chinese_translation(qapp: object) -> None:
    root = ET.parse(TS).getroot()
    chinese: dict[str, str] = {}
    for context in root.iter("context"):
        if context.findtext("name") != "Messages":
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") not in ("unfinished", "vanished", "obsolete"):
                chinese[message.findtext("source") or ""] = translation.text or ""
    problems = []
    for code, text in sorted(_window_texts(qapp).items()):
        translated = chinese.get(text)
        if not translated or not translated.strip():
            problems.append(f"{code}: no finished Chinese for {text!r}")
        elif _fields(translated) != _fields(text):
            problems.append(f"{code}: the Chinese {translated!r} changes the placeholders of {text!r}")
    assert problems == [], "run `python3 bootstrap.py translations` and translate the Messages context:\n" + \
        "\n".join(problems)


def assert_renders_fully(message: Message) -> None:
    """Every placeholder of the message's English and window templates has its parameter (nested ones too)."""
    assert message.code in ENGLISH, message.code
    missing = _fields(ENGLISH[message.code]) - set(message.params)
    assert not missing, (message, missing)
    for value in message.params.values():
        for nested in value if isinstance(value, (list, tuple)) else [value]:
            if isinstance(nested, Message):
                assert_renders_fully(nested)
    english(message)  # formats every field with its spec (a count given as text fails here)


def test_a_count_of_one_reads_in_the_singular(qapp: object) -> None:
    from shopkeeper.ui.message_texts import window_text

    params = {"sku": "CL-SET-GIFT-OAT", "price": "389.87", "cost": "356.92"}
    one = Message("campaign.warning.below_cost", {"count": 1, **params})
    two = Message("campaign.warning.below_cost", {"count": 2, **params})
    assert english(one) == window_text(one) == "1 SKU sells below cost after fees (CL-SET-GIFT-OAT at 389.87, cost 356.92)"
    assert window_text(two).startswith("2 SKUs sell below cost after fees (worst: CL-SET-GIFT-OAT")
    # a code with no singular form is worded as it is, whatever it counts
    assert english(Message("change.edit.loyalty", {"count": 1})) == "loyalty settings: 1 changed"
    # every singular form words the same details as its plural, less the word "worst" or "e.g."
    window = _window_texts(qapp)
    for code in (c for c in ENGLISH if c.endswith(".one") and c.removesuffix(".one") in ENGLISH):
        base = code.removesuffix(".one")
        assert _fields(ENGLISH[code]) == _fields(ENGLISH[base]) and _fields(window[code]) == _fields(window[base]), code


def test_a_message_short_of_a_parameter_is_caught() -> None:
    assert_renders_fully(Message("import.outcome.refused", {"name": "a.csv", "reason": Message("reject.cut_row")}))
    try:
        assert_renders_fully(Message("import.outcome.refused", {"name": "a.csv"}))
    except AssertionError:
        return
    raise AssertionError("a missing parameter went unnoticed")
