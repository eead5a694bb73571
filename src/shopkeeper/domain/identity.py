"""Who is the same person: the keys that join buyers on different platforms into one member.

An e-mail matches case- and space-insensitively. A phone matches on its digits
when at least 7 remain and they are not one repeated digit ('000 000 0000' is a
placeholder, not a number). Masked or enciphered values never identify anyone:
a '*' anywhere ('138****0000'), or, where platforms write cipher text (Douyin
`##密文`, `$$…$$`; Taobao masks), a leading '#' or '$', the word 密文 or a
full-width '＊'. Two buyers whose masked phones look alike are strangers.

The Chinese platforms' importer (importers/platforms/cn_people.py) is stricter
than the others: it matches only a phone written out in full
(`plain_phone_key`) and drops opaque e-mails before matching; the other
importers (importers/canonical.py) match on `email_key` and `phone_key`.
"""

from __future__ import annotations

import re

_NOT_DIGIT = re.compile(r"[^0-9]")
_ONE_DIGIT_REPEATED = re.compile(r"0+|1+|2+|3+|4+|5+|6+|7+|8+|9+")
_WRITTEN_OUT_PHONE = re.compile(r"\+?[0-9][0-9 ()-]{6,}")
MIN_PHONE_DIGITS = 7


def email_key(email: str | None) -> str | None:
    return None if email is None else email.strip(" ").lower()


def phone_key(phone: str | None) -> str | None:
    if phone is None or "*" in phone:
        return None
    digits = _NOT_DIGIT.sub("", phone)
    if len(digits) >= MIN_PHONE_DIGITS and not _ONE_DIGIT_REPEATED.fullmatch(digits):
        return digits
    return None


def is_opaque(value: str) -> bool:
    return "*" in value or value[:1] in ("#", "$") or "密文" in value or "＊" in value


def readable(value: str | None) -> str | None:
    """The value when it is readable text, None when it is masked or cipher text."""
    return None if value is None or is_opaque(value) else value


def plain_phone_key(phone: str | None) -> str | None:
    """The phone's key only when the number is written out in full (digits, spaces, +, -, parentheses)."""
    if phone is None or not _WRITTEN_OUT_PHONE.fullmatch(phone):
        return None
    return phone_key(phone)


# DuckDB's trim() takes off spaces only, hence strip(" ") above.
MACROS = (
    "CREATE OR REPLACE TEMP MACRO sk_email_key(e) AS lower(trim(e))",
    "CREATE OR REPLACE TEMP MACRO sk_phone_key(p) AS CASE WHEN p LIKE '%*%' THEN NULL "
    f" WHEN length(regexp_replace(p, '[^0-9]', '', 'g')) >= {MIN_PHONE_DIGITS} "
    "  AND NOT regexp_full_match(regexp_replace(p, '[^0-9]', '', 'g'), '0+|1+|2+|3+|4+|5+|6+|7+|8+|9+') "
    "  THEN regexp_replace(p, '[^0-9]', '', 'g') END",
    "CREATE OR REPLACE TEMP MACRO sk_is_opaque(v) AS"
    " (contains(v, '*') OR v[1] IN ('#', '$') OR contains(v, '密文') OR contains(v, '＊'))",
    "CREATE OR REPLACE TEMP MACRO sk_readable(v) AS CASE WHEN v IS NULL OR sk_is_opaque(v) THEN NULL ELSE v END",
    "CREATE OR REPLACE TEMP MACRO sk_plain_phone_key(p) AS"
    " CASE WHEN regexp_full_match(p, '\\+?[0-9][0-9 ()-]{6,}') THEN sk_phone_key(p) END",
)
