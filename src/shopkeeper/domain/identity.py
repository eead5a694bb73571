"""Who is the same person: the keys that join buyers on different platforms into one member.

An e-mail matches case- and space-insensitively. A phone matches on its digits
when at least 7 remain and they are not one repeated digit ('000 000 0000' is a
placeholder, not a number). Masked or enciphered values never identify anyone:
a '*' anywhere ('138****0000'), or, where platforms write cipher text (Douyin
`##密文`, `$$…$$`; Taobao masks), a leading '#' or '$', the word 密文 or a
full-width '＊'. Two buyers whose masked phones look alike are strangers.

Nothing weaker joins two people by itself. Likely matches are only suggested,
with their reasons, for the seller to confirm (`suggestion_reasons`, and the
table macro `sk_member_suggestions()` over the shop's buyers): the same name
(`name_key`: readable, case and spaces ignored) and the same city, or the same
last four digits of an unmasked phone, or the same e-mail user name on another
domain. A name, city or tail that more than MAX_GROUP members share is no
evidence (a common name in a big city) and suggests nothing. Pairs the seller
said are different people (`member_decisions` 'not_same', written by a split
too) are never suggested again.

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
    """The e-mail as it matches; None when it is empty, masked or cipher text."""
    if email is None:
        return None
    value = email.strip(" ")
    return None if value == "" or is_opaque(value) else value.lower()


def phone_key(phone: str | None) -> str | None:
    if phone is None or is_opaque(phone):
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


SAME_NAME_AND_CITY = "name_city"
SAME_NAME_AND_PHONE_TAIL = "name_phone_tail"
SAME_NAME_AND_EMAIL_USER = "name_email_user"
REASONS = (SAME_NAME_AND_CITY, SAME_NAME_AND_PHONE_TAIL, SAME_NAME_AND_EMAIL_USER)
MAX_GROUP = 10
PHONE_TAIL = 4
_NAME_SPACE = re.compile("[ \t\u3000]")


def name_key(name: str | None) -> str | None:
    """A person's name as it compares: None when unreadable (`张*`) or shorter than two characters."""
    if name is None or is_opaque(name):
        return None
    key = _NAME_SPACE.sub("", name).lower()
    return key if len(key) >= 2 else None


def city_key(city: str | None) -> str | None:
    if city is None:
        return None
    key = city.strip(" ").lower()
    return key or None


def phone_tail(phone: str | None) -> str | None:
    key = phone_key(phone)
    return None if key is None else key[-PHONE_TAIL:]


def email_user(email: str | None) -> str | None:
    key = email_key(email)
    if key is None or "@" not in key:
        return None
    return key.rpartition("@")[0] or None


def suggestion_reasons(a: tuple[str | None, str | None, str | None, str | None],
                       b: tuple[str | None, str | None, str | None, str | None]) -> tuple[str, ...]:
    """Why two buyers of different members may be one person, from (name, city, phone, email) each."""
    name = name_key(a[0])
    if name is None or name != name_key(b[0]):
        return ()
    reasons = []
    if city_key(a[1]) is not None and city_key(a[1]) == city_key(b[1]):
        reasons.append(SAME_NAME_AND_CITY)
    if phone_tail(a[2]) is not None and phone_tail(a[2]) == phone_tail(b[2]):
        reasons.append(SAME_NAME_AND_PHONE_TAIL)
    if email_user(a[3]) is not None and email_user(a[3]) == email_user(b[3]):
        reasons.append(SAME_NAME_AND_EMAIL_USER)
    return tuple(sorted(reasons))


# DuckDB's trim() takes off spaces only, hence strip(" ") above.
MACROS = (
    "CREATE OR REPLACE TEMP MACRO sk_is_opaque(v) AS"
    " (contains(v, '*') OR v[1] IN ('#', '$') OR contains(v, '密文') OR contains(v, '＊'))",
    "CREATE OR REPLACE TEMP MACRO sk_email_key(e) AS"
    # trim(e, ' '): spaces only, as Python's strip(" ") (a bare trim() also takes U+3000 and other blanks).
    " CASE WHEN trim(e, ' ') = '' OR sk_is_opaque(trim(e, ' ')) THEN NULL ELSE lower(trim(e, ' ')) END",
    "CREATE OR REPLACE TEMP MACRO sk_phone_key(p) AS CASE WHEN sk_is_opaque(p) THEN NULL "
    f" WHEN length(regexp_replace(p, '[^0-9]', '', 'g')) >= {MIN_PHONE_DIGITS} "
    "  AND NOT regexp_full_match(regexp_replace(p, '[^0-9]', '', 'g'), '0+|1+|2+|3+|4+|5+|6+|7+|8+|9+') "
    "  THEN regexp_replace(p, '[^0-9]', '', 'g') END",
    "CREATE OR REPLACE TEMP MACRO sk_readable(v) AS CASE WHEN v IS NULL OR sk_is_opaque(v) THEN NULL ELSE v END",
    "CREATE OR REPLACE TEMP MACRO sk_plain_phone_key(p) AS"
    " CASE WHEN regexp_full_match(p, '\\+?[0-9][0-9 ()-]{6,}') THEN sk_phone_key(p) END",
    "CREATE OR REPLACE TEMP MACRO sk_name_key(n) AS CASE WHEN n IS NULL OR sk_is_opaque(n) THEN NULL"
    " WHEN length(lower(regexp_replace(n, '[ \\t\u3000]', '', 'g'))) >= 2"
    " THEN lower(regexp_replace(n, '[ \\t\u3000]', '', 'g')) END",
    "CREATE OR REPLACE TEMP MACRO sk_city_key(c) AS nullif(lower(trim(c, ' ')), '')",
    f"CREATE OR REPLACE TEMP MACRO sk_phone_tail(p) AS right(sk_phone_key(p), {PHONE_TAIL})",
    "CREATE OR REPLACE TEMP MACRO sk_email_user(e) AS"
    " nullif(regexp_extract(sk_email_key(e), '^(.*)@[^@]*$', 1), '')",
)

# Pairs of members (a < b) whose buyers look like one person, with every reason; the groups a
# name shares are built first, so a common name costs a group, not a square of pairs.
_GROUPED_BY = {SAME_NAME_AND_CITY: "c", SAME_NAME_AND_PHONE_TAIL: "t", SAME_NAME_AND_EMAIL_USER: "u"}
TABLE_MACROS = (
    "CREATE OR REPLACE TEMP MACRO sk_member_suggestions() AS TABLE "
    "WITH p AS (SELECT member_id, sk_name_key(name) AS n, sk_city_key(city) AS c, sk_phone_tail(phone) AS t, "
    "                  sk_email_user(email) AS u "
    "           FROM buyers WHERE member_id IS NOT NULL AND sk_name_key(name) IS NOT NULL), "
    "g AS (" + " UNION ALL ".join(
        f"SELECT '{reason}' AS reason, list(DISTINCT member_id) AS ms FROM p WHERE {col} IS NOT NULL "
        f"GROUP BY n, {col} HAVING count(DISTINCT member_id) BETWEEN 2 AND {MAX_GROUP}"
        for reason, col in _GROUPED_BY.items()) + "), "
    "pairs AS (SELECT DISTINCT g.reason, x.m AS a, y.m AS b FROM g, "
    "          (SELECT unnest(g.ms) AS m) x, (SELECT unnest(g.ms) AS m) y WHERE x.m < y.m) "
    "SELECT a, b, list(reason ORDER BY reason) AS reasons FROM pairs "
    "WHERE NOT EXISTS (SELECT 1 FROM member_decisions d WHERE d.kind = 'not_same' "
    "                  AND ((d.a = pairs.a AND d.b = pairs.b) OR (d.a = pairs.b AND d.b = pairs.a))) "
    "GROUP BY a, b",
)
