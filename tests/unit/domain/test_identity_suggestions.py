"""Who may be the same person: the Python statement of a suggestion agrees with sk_member_suggestions()."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shopkeeper.db.database import Database
from shopkeeper.domain import identity

RULES = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TEXT = st.text(alphabet=st.sampled_from("aB张 \t\u3000*#$@.密0159"), max_size=10) | st.none()
NAMES = st.sampled_from(["Ann Lee", "ann  lee", "ANN LEE", "张三", "张*", "A", "##密文", "Bo"]) | TEXT
CITIES = st.sampled_from(["Toronto", " toronto", "北京", "", None])
PHONES = st.sampled_from(["416 555 9999", "905-111-9999", "138****9999", "$$9999$$", "9999", None])
EMAILS = st.sampled_from(["ann@a.com", "ANN@b.org", "a@b@c.com", "##密文", "@x.com", "bob@a.com", None])


@RULES
@given(value=TEXT)
def test_keys_agree_with_sql(db: Database, value: str | None) -> None:
    got = db.fetchone("SELECT sk_name_key(?), sk_city_key(?), sk_phone_tail(?), sk_email_user(?)",
                      [value, value, value, value])
    assert got == (identity.name_key(value), identity.city_key(value), identity.phone_tail(value),
                   identity.email_user(value))


@RULES
@given(a=st.tuples(NAMES, CITIES, PHONES, EMAILS), b=st.tuples(NAMES, CITIES, PHONES, EMAILS))
def test_two_buyers_are_suggested_exactly_when_the_rule_says(db: Database, a: tuple[str | None, ...],
                                                            b: tuple[str | None, ...]) -> None:
    db.begin()
    try:
        db.execute("INSERT INTO buyers (shop_id, buyer_id, name, city, phone, email, member_id) VALUES "
                   "('s', 'x', ?, ?, ?, ?, 'm1'), ('s', 'y', ?, ?, ?, ?, 'm2')", [*a, *b])
        rows = db.fetchall("SELECT a, b, reasons FROM sk_member_suggestions()")
    finally:
        db.rollback()
    reasons = identity.suggestion_reasons(a, b)  # type: ignore[arg-type]
    assert rows == ([("m1", "m2", list(reasons))] if reasons else [])


def test_masked_values_suggest_nothing() -> None:
    assert identity.suggestion_reasons(("张*", "北京", None, None), ("张*", "北京", None, None)) == ()
    assert identity.suggestion_reasons(("Li Wei", None, "138****0000", None),
                                       ("Li Wei", None, "139****0000", None)) == ()
    assert identity.email_key("##密文") is None and identity.phone_key("$$13800138000$$") is None
    assert identity.suggestion_reasons(("Li Wei", "Xi'an", "13800138000", "lw@a.cn"),
                                       ("li wei", "xi'an ", "+86 139 0013 8000", "LW@b.cn")) == (
        identity.SAME_NAME_AND_CITY, identity.SAME_NAME_AND_EMAIL_USER, identity.SAME_NAME_AND_PHONE_TAIL)
