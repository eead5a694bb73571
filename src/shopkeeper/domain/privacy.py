"""Privacy by default: how personal data looks wherever the seller has not asked to see it.

Tables, reports and exports show contact details masked unless the seller
deliberately reveals them (a logged action, services/privacy.py):

* an e-mail keeps the first character of its name and its domain:
  `ann@example.com` -> `a***@example.com`; text with no '@' keeps only its
  first character (`a***`);
* a phone keeps at most the first three and last four of its digits and always
  hides at least four: 11 digits or more -> `138****0000`, 5 to 10 -> `****`
  and the last (n - 4, at most 4) digits, fewer -> `****`;
* a platform account named by an e-mail or a phone (Shopify files a buyer by
  e-mail, a phone-only buyer by phone) is masked as that; a nick stays;
* a street address is hidden whole (`***`): the city and country, which
  figures are grouped by, are separate fields and stay readable.

Masking a masked value gives a masked value again, never more digits or
letters than the input showed (a platform's own `138****0000` comes out as
`****000`). Empty text stays empty: it holds nothing to hide.

Each rule is also a SQL macro (`sk_mask_email`, `sk_mask_phone`,
`sk_mask_address`, `sk_mask_account`) for services and reports; tests hold the two equal.
"""

from __future__ import annotations

import re

from shopkeeper.domain.identity import phone_key

MASK = "***"
PHONE_MASK = "****"
_NOT_DIGIT = re.compile(r"[^0-9]")
# At least this many digits of a phone are always hidden; at most HEAD + TAIL are shown.
HIDDEN_DIGITS = 4
HEAD_DIGITS = 3
TAIL_DIGITS = 4
# A number this long shows its head too (a Chinese mobile's carrier prefix, as platforms print it).
HEAD_FROM = 11


def mask_email(email: str | None) -> str | None:
    if email is None:
        return None
    value = email.strip(" ")
    if value == "":
        return value
    if "@" not in value:
        return value[:1] + MASK
    local, _, domain = value.rpartition("@")
    return local[:1] + MASK + "@" + domain


def mask_phone(phone: str | None) -> str | None:
    if phone is None:
        return None
    if phone.strip(" ") == "":
        return phone.strip(" ")
    digits = _NOT_DIGIT.sub("", phone)
    n = len(digits)
    if n >= HEAD_FROM:
        return digits[:HEAD_DIGITS] + PHONE_MASK + digits[-TAIL_DIGITS:]
    shown = min(TAIL_DIGITS, n - HIDDEN_DIGITS)
    return PHONE_MASK + (digits[-shown:] if shown > 0 else "")


def mask_address(address: str | None) -> str | None:
    if address is None:
        return None
    return "" if address.strip(" ") == "" else MASK


def mask_account(account: str | None) -> str | None:
    if account is None:
        return None
    if "@" in account:
        return mask_email(account)
    return account if phone_key(account) is None else mask_phone(account)


_DIGITS = "regexp_replace(p, '[^0-9]', '', 'g')"

MACROS = (
    "CREATE OR REPLACE TEMP MACRO sk_mask_email(e) AS CASE"
    " WHEN e IS NULL THEN NULL"
    " WHEN trim(e) = '' THEN ''"
    f" WHEN NOT contains(trim(e), '@') THEN substring(trim(e), 1, 1) || '{MASK}'"
    f" ELSE substring(regexp_extract(trim(e), '^(.*)@[^@]*$', 1), 1, 1) || '{MASK}@'"
    "      || regexp_extract(trim(e), '@([^@]*)$', 1) END",
    "CREATE OR REPLACE TEMP MACRO sk_mask_phone(p) AS CASE"
    " WHEN p IS NULL THEN NULL"
    " WHEN trim(p) = '' THEN ''"
    f" WHEN length({_DIGITS}) >= {HEAD_FROM}"
    f"  THEN substring({_DIGITS}, 1, {HEAD_DIGITS}) || '{PHONE_MASK}' || right({_DIGITS}, {TAIL_DIGITS})"
    f" WHEN length({_DIGITS}) > {HIDDEN_DIGITS}"
    f"  THEN '{PHONE_MASK}' || right({_DIGITS}, least({TAIL_DIGITS}, length({_DIGITS}) - {HIDDEN_DIGITS}))"
    f" ELSE '{PHONE_MASK}' END",
    f"CREATE OR REPLACE TEMP MACRO sk_mask_address(a) AS CASE WHEN a IS NULL THEN NULL WHEN trim(a) = '' THEN ''"
    f" ELSE '{MASK}' END",
    "CREATE OR REPLACE TEMP MACRO sk_mask_account(v) AS CASE WHEN contains(v, '@') THEN sk_mask_email(v)"
    " WHEN sk_phone_key(v) IS NOT NULL THEN sk_mask_phone(v) ELSE v END",
)
