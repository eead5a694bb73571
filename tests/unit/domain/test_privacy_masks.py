"""The masking rule: what it shows is a part of what it was given, never more, and it never unmasks."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shopkeeper.db.database import Database
from shopkeeper.domain.privacy import mask_account, mask_address, mask_email, mask_phone

RULES = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TEXT = st.text(alphabet=st.sampled_from("ab张Z0189 +-()*#$@.密文＊_"), max_size=20) | st.none()
PHONES = st.from_regex(r"\+?[0-9 ()-]{0,18}", fullmatch=True) | TEXT


def _digits(value: str) -> str:
    return re.sub(r"[^0-9]", "", value)


@RULES
@given(value=TEXT)
def test_email_mask_agrees_with_sql(db: Database, value: str | None) -> None:
    assert db.scalar("SELECT sk_mask_email(?)", [value]) == mask_email(value)
    assert db.scalar("SELECT sk_mask_address(?)", [value]) == mask_address(value)
    assert db.scalar("SELECT sk_mask_account(?)", [value]) == mask_account(value)


@RULES
@given(value=PHONES)
def test_phone_mask_agrees_with_sql(db: Database, value: str | None) -> None:
    assert db.scalar("SELECT sk_mask_phone(?)", [value]) == mask_phone(value)
    assert db.scalar("SELECT sk_mask_account(?)", [value]) == mask_account(value)


@RULES
@given(value=PHONES)
def test_a_masked_phone_shows_at_most_seven_digits_and_hides_four(value: str | None) -> None:
    masked = mask_phone(value)
    if value is None or value.strip(" ") == "":
        assert masked == (None if value is None else "")
        return
    assert masked is not None
    shown, given_digits = _digits(masked), _digits(value)
    assert "****" in masked
    assert len(shown) <= 7
    assert len(shown) <= max(0, len(given_digits) - 4)
    # Only the head and the tail of the number are shown, in place.
    head, _, tail = masked.partition("****")
    assert given_digits.startswith(head) and given_digits.endswith(tail)
    # Masking again shows no more.
    again = mask_phone(masked)
    assert again is not None and "****" in again and len(_digits(again)) <= len(shown)


@RULES
@given(value=TEXT)
def test_a_masked_email_keeps_one_letter_and_the_domain(value: str | None) -> None:
    masked = mask_email(value)
    if value is None or value.strip(" ") == "":
        return
    assert masked is not None and "***" in masked
    local, at, domain = value.strip(" ").rpartition("@") if "@" in value else (value.strip(" "), "", "")
    # The name part shows its first character at most, whatever it was; only the domain stays.
    assert masked == local[:1] + "***" + at + domain
    again = mask_email(masked)
    assert again is not None and "***" in again
    assert len(again.replace("*", "")) <= len(masked.replace("*", ""))


def test_the_seller_sees_what_the_issue_promises() -> None:
    assert mask_email("ann@example.com") == "a***@example.com"
    assert mask_email(" Ann.Lee@Mail.example.cn ") == "A***@Mail.example.cn"
    assert mask_phone("13812340000") == "138****0000"
    assert mask_phone("+1 (555) 010-9999") == "155****9999"
    assert mask_phone("555 0199") == "****199"
    assert mask_phone("020 5550 199") == "****0199"
    assert mask_phone("138****0000") == "****000"  # already masked by the platform: still masked
    assert mask_phone("1******6198") == "****8"
    assert mask_phone("##密文") == "****"
    assert mask_address("12 Rose Lane, Apt 4") == "***"
    assert mask_address("北京市朝阳区建国路88号") == "***"
    assert mask_email("") == "" and mask_phone(None) is None
    assert mask_account("ann@example.com") == "a***@example.com"
    assert mask_account("+1 555 010 9999") == "155****9999"
    assert mask_account("幸福蔓岩1627") == "幸福蔓岩1627"  # a nick is not a contact detail
