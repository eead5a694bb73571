"""Each business rule's plain Python statement agrees with the SQL every figure uses.

The domain modules hold both; generated data finds where the two would disagree
(a boundary, a leap day, an odd offset, a refund bigger than the rest).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shopkeeper.db.database import Database
from shopkeeper.domain import identity, order_day, order_status, revenue, segments, tiers
from shopkeeper.domain.points import (
    Credit,
    PointsSettings,
    add_months,
    expiries,
    expiry_cutoff,
    order_entries,
)
from shopkeeper.services.recompute import recompute

RULES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@contextmanager
def _scratch(db: Database) -> Iterator[None]:
    """A transaction that is always rolled back: every example starts from the same empty shop."""
    db.begin()
    try:
        yield
    finally:
        db.rollback()


def _scalar(db: Database, sql: str, *params: object) -> object:
    return db.scalar(sql, list(params))


STATUS_TEXT = st.sampled_from([*order_status.STATUSES, "", "PAID", "unknown"]) | st.none()


@RULES
@given(status=STATUS_TEXT)
def test_order_status_sets(db: Database, status: str | None) -> None:
    assert _scalar(db, "SELECT sk_is_sold(?)", status) == order_status.is_sold(status)
    assert _scalar(db, "SELECT sk_is_refunded(?)", status) == order_status.is_refunded(status)
    assert _scalar(db, "SELECT sk_is_cancelled(?)", status) == order_status.is_cancelled(status)


def test_a_partially_refunded_order_is_sold_and_a_pending_one_is_not() -> None:
    assert order_status.is_sold("partially_refunded")
    assert not order_status.is_sold("pending")
    assert not order_status.is_sold("refunded")


INSTANTS = st.datetimes(min_value=datetime(2015, 1, 1), max_value=datetime(2035, 12, 31),
                        timezones=st.just(UTC))
OFFSETS = st.builds(lambda sign, h, m, colon: f"{sign}{h:02d}{':' if colon else ''}{m:02d}",
                    st.sampled_from("+-"), st.integers(0, 14), st.sampled_from([0, 15, 30, 45]), st.booleans())
TZ_TEXT = OFFSETS | st.text(alphabet=st.sampled_from("+-0123456789: \t٣"), max_size=8) | st.none()


@RULES
@given(at=INSTANTS, tz=TZ_TEXT)
def test_order_day(db: Database, at: datetime, tz: str | None) -> None:
    assert _scalar(db, "SELECT sk_offset_minutes(?)", tz) == order_day.offset_minutes(tz)
    assert _scalar(db, "SELECT sk_order_day(?::TIMESTAMPTZ, ?)", at, tz) == order_day.order_day(at, tz)


def test_an_order_just_after_midnight_in_beijing_is_that_days_order() -> None:
    at = datetime(2026, 11, 10, 16, 30, tzinfo=UTC)  # 00:30 on 11 November in Beijing
    assert order_day.order_day(at, "+08:00") == date(2026, 11, 11)
    assert order_day.order_day(at, "-04:00") == date(2026, 11, 10)


MONEY = st.decimals(min_value=0, max_value=99_999, places=2, allow_nan=False)
RATES = st.decimals(min_value=Decimal("0.01"), max_value=100, places=4, allow_nan=False)


def _insert_orders(db: Database, rows: Sequence[tuple[object, ...]]) -> None:
    """rows: (shop_id, order_id, buyer_id, ordered_at, ordered_tz, status, currency, total, refunded)."""
    if not rows:
        return
    values = ", ".join(["(?, ?, ?, ?, ?, ?, ?, ?, ?)"] * len(rows))
    db.execute("INSERT INTO orders (shop_id, order_id, buyer_id, ordered_at, ordered_tz, status, currency, total, "
               f"refunded_amount) VALUES {values}", [v for r in rows for v in r])


def _settings(db: Database, pairs: dict[str, str]) -> None:
    for key, value in pairs.items():
        db.execute("INSERT OR REPLACE INTO shop_settings VALUES (?, ?)", [key, value])


SALE = st.tuples(st.sampled_from(order_status.STATUSES), st.sampled_from(["CNY", "USD", "EUR", "JPY"]), MONEY,
                 st.decimals(min_value=0, max_value=1, places=2))


@RULES
@given(sales=st.lists(SALE, max_size=12), usd=RATES, eur=RATES | st.none(),
       base=st.sampled_from(["CNY", "USD"]) | st.none())
def test_net_revenue(db: Database, sales: list[tuple[str, str, Decimal, Decimal]], usd: Decimal,
                     eur: Decimal | None, base: str | None) -> None:
    pairs = {"fx_USD": str(usd), "fx_CNY": "0.14"}
    if base is not None:
        pairs["base_currency"] = base
    if eur is not None:
        pairs["fx_EUR"] = str(eur)
    at = datetime(2026, 1, 1, tzinfo=UTC)
    rows = [("s:x", str(i), None, at, "+00:00", status, cur, total, (total * share).quantize(Decimal("0.01")))
            for i, (status, cur, total, share) in enumerate(sales)]
    with _scratch(db):
        _settings(db, pairs)
        _insert_orders(db, rows)
        got = _scalar(db, "SELECT coalesce(sum(net_base), 0) FROM sk_sales()")
        rates = revenue.rates_from_settings(pairs, [r[6] for r in rows])
        assert dict(db.fetchall("SELECT currency, rate FROM sk_fx()")) == rates
    expected = revenue.net_revenue(
        [revenue.Sale(r[5], r[6], r[7], r[8]) for r in rows], rates)  # type: ignore[arg-type]
    assert got == expected


# Reorder point, cover and status: tests/unit/domain/test_reorder_rules.py.


DAYS = st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 12, 31))


@RULES
@given(orders=st.integers(0, 40), first=DAYS, gap=st.integers(0, 900), since=st.integers(0, 400))
def test_segments(db: Database, orders: int, first: date, gap: int, since: int) -> None:
    last = first + timedelta(days=gap)
    today = last + timedelta(days=since)
    got = _scalar(db, "SELECT sk_segment(?::INTEGER, ?::DATE, ?::DATE, ?::DATE)", orders, first, last, today)
    assert got == segments.segment(orders, first, last, today)


def test_at_risk_is_one_and_a_half_usual_gaps() -> None:
    first, last = date(2026, 1, 1), date(2026, 1, 21)  # 3 orders, a usual gap of 10 days
    assert segments.segment(3, first, last, last + timedelta(days=15)) == "active"
    assert segments.segment(3, first, last, last + timedelta(days=16)) == "at_risk"
    assert segments.segment(3, first, last, last + timedelta(days=181)) == "lapsed"
    assert segments.segment(0, None, None, last) == "new"


# --- tiers and points: whole shops of a few members, recomputed ---------------------------------

TIERS = [
    tiers.Tier("bronze", 1, Decimal(0), 0, Decimal("1.00")),
    tiers.Tier("silver", 2, Decimal(300), 2, Decimal("1.25")),
    tiers.Tier("gold", 3, Decimal(900), 4, Decimal("1.50")),
]
MEMBERS = ("m1", "m2", "m3")
TODAY = date(2026, 3, 1)  # a year back is 1 March 2025, the day after a non-leap February

ORDER = st.tuples(
    st.sampled_from(MEMBERS),
    st.datetimes(min_value=datetime(2024, 2, 20), max_value=datetime(2026, 3, 1, 23, 59), timezones=st.just(UTC)),
    st.sampled_from(["+08:00", "-05:00", "+00:00"]),
    st.sampled_from(order_status.STATUSES),
    st.sampled_from(["CNY", "USD", "GBP"]),  # GBP has no rate
    st.decimals(min_value=Decimal("0.01"), max_value=800, places=2),
    st.decimals(min_value=0, max_value=1, places=2),
)


def _shop_of(db: Database, orders: list[tuple], redeems: list[tuple[str, datetime, int]], expiry: int) -> None:
    db.execute("DELETE FROM tiers")
    for t in TIERS:
        db.execute("INSERT INTO tiers VALUES (?, ?, ?, ?, ?, ?, ?)",
                   [t.code, t.rank, t.code, t.code, t.min_spend, t.min_orders, t.points_multiplier])
    _settings(db, {"base_currency": "CNY", "fx_USD": "7.10", "points_per_currency_unit": "1.5",
                   "points_expiry_months": str(expiry)})
    for m in MEMBERS:
        db.execute("INSERT INTO members (member_id, display_name, joined_at) VALUES (?, ?, now())", [m, m])
        db.execute("INSERT INTO buyers (shop_id, buyer_id, member_id) VALUES ('s:x', ?, ?)", [m, m])
    _insert_orders(db, [("s:x", f"o{i}", m, at, tz, status, cur, total, (total * share).quantize(Decimal("0.01")))
                        for i, (m, at, tz, status, cur, total, share) in enumerate(orders)])
    for i, (m, at, pts) in enumerate(redeems):
        db.execute("INSERT INTO points_ledger (entry_id, member_id, occurred_at, points, reason) "
                   "VALUES (?, ?, ?, ?, 'redeem')", [900_000 + i, m, at, -pts])


def _tier_sales(orders: list[tuple], member: str) -> list[tiers.TierSale]:
    rates = {"CNY": Decimal(1), "USD": Decimal("7.10")}
    out = []
    for m, at, tz, status, cur, total, share in orders:
        if m == member and order_status.is_sold(status):
            net = total - (total * share).quantize(Decimal("0.01"))
            out.append(tiers.TierSale(order_day.order_day(at, tz), revenue.to_base(net, cur, rates)))
    return out


@RULES
@given(orders=st.lists(ORDER, max_size=14))
def test_tiers_today(db: Database, orders: list[tuple]) -> None:
    with _scratch(db):
        _shop_of(db, orders, [], 12)
        recompute(db, TODAY)
        got = dict(db.fetchall("SELECT member_id, tier_code FROM members"))
    assert got == {m: tiers.current_tier(TODAY, _tier_sales(orders, m), TIERS).code for m in MEMBERS}


def _expected_ledger(orders: list[tuple], redeems: list[tuple[str, datetime, int]], expiry: int,
                     today: date) -> list[tuple]:
    rates = {"CNY": Decimal(1), "USD": Decimal("7.10")}
    policy = PointsSettings.from_settings({"points_per_currency_unit": "1.5", "points_expiry_months": str(expiry)})
    out: list[tuple] = []
    for member in MEMBERS:
        sales = _tier_sales(orders, member)
        credits = []
        for i, (m, at, tz, status, cur, total, share) in enumerate(orders):
            rate = rates.get(cur)
            if m != member or rate is None or status not in order_status.SOLD | order_status.REFUNDED_STATUSES:
                continue
            net = total - (total * share).quantize(Decimal("0.01"))
            multiplier = tiers.tier_on(order_day.order_day(at, tz), sales, TIERS).points_multiplier
            earned, refund = order_entries(status, total * rate, net * rate, policy.rate, multiplier)
            expires = add_months(at, expiry) if expiry else None
            if earned > 0:
                out.append((member, at, earned, "order", f"o{i}", expires))
            if refund < 0:
                out.append((member, at, refund, "refund", f"o{i}", None))
            if earned + refund > 0:
                credits.append(Credit(f"s:x\x1fo{i}", at, earned + refund))
        debits = [(at, pts) for m, at, pts in redeems if m == member]
        for e in expiries(credits, debits, expiry, expiry_cutoff(today)):
            out.append((member, e.expires_at, -e.points, "expire", e.key.split("\x1f")[1], None))
    return sorted(out, key=repr)


REDEEM = st.tuples(st.sampled_from(MEMBERS),
                   st.datetimes(min_value=datetime(2024, 3, 1), max_value=datetime(2026, 3, 1), timezones=st.just(UTC)),
                   st.integers(1, 3_000))


@RULES
@given(orders=st.lists(ORDER, max_size=14), redeems=st.lists(REDEEM, max_size=5), expiry=st.sampled_from([0, 1, 12]))
def test_points_ledger(db: Database, orders: list[tuple], redeems: list[tuple[str, datetime, int]],
                       expiry: int) -> None:
    with _scratch(db):
        _shop_of(db, orders, redeems, expiry)
        recompute(db, TODAY)
        got = db.fetchall("SELECT member_id, occurred_at, points, reason, order_id, expires_at FROM points_ledger "
                          "WHERE reason <> 'redeem'")
    assert sorted(got, key=repr) == _expected_ledger(orders, redeems, expiry, TODAY)


def test_expiry_takes_what_spending_left_oldest_first() -> None:
    t0 = datetime(2025, 1, 10, tzinfo=UTC)
    credits = [Credit("a", t0, 100), Credit("b", t0 + timedelta(days=30), 50)]
    spent = [(t0 + timedelta(days=60), 120)]  # all of a, 20 of b
    got = expiries(credits, spent, 12, expiry_cutoff(date(2026, 12, 31)))
    assert [(e.key, e.points) for e in got] == [("b", 30)]
    assert got[0].expires_at == add_months(credits[1].occurred_at, 12)


def test_months_clamp_to_the_end_of_a_shorter_month() -> None:
    assert add_months(datetime(2025, 1, 31, 12, tzinfo=UTC), 1) == datetime(2025, 2, 28, 12, tzinfo=UTC)
    assert add_months(datetime(2024, 2, 29, tzinfo=UTC), 12) == datetime(2025, 2, 28, tzinfo=UTC)


def test_rules_are_installed_on_a_shop_opened_from_a_file(tmp_path: Path) -> None:
    from shopkeeper.services.shop_files import open_shop

    shop = open_shop(tmp_path / "s.duckdb", backups_dir=tmp_path / "bk", today=TODAY)
    try:
        assert shop.scalar("SELECT count(*) FROM sk_sales()") == 0
        assert shop.scalar("SELECT value FROM shop_settings WHERE key = 'recomputed_for'") == TODAY.isoformat()
    finally:
        shop.close()


IDENTITY_TEXT = st.text(alphabet=st.sampled_from("abcXYZ019 +-()*#$@.密文＊_"), max_size=16) | st.none()


@RULES
@given(value=IDENTITY_TEXT)
def test_identity_keys(db: Database, value: str | None) -> None:
    assert _scalar(db, "SELECT sk_email_key(?)", value) == identity.email_key(value)
    assert _scalar(db, "SELECT sk_phone_key(?)", value) == identity.phone_key(value)
    assert _scalar(db, "SELECT sk_readable(?)", value) == identity.readable(value)
    assert _scalar(db, "SELECT sk_plain_phone_key(?)", value) == identity.plain_phone_key(value)


def test_masked_and_cipher_values_never_identify_anyone() -> None:
    assert identity.phone_key("138****0000") is None
    assert identity.phone_key("000 000 0000") is None
    assert identity.phone_key("+86 138 1234 5678") == "8613812345678"
    assert identity.readable("##密文") is None
    assert identity.readable("$$a1b2$$") is None
    assert identity.plain_phone_key("1******6198") is None
    assert identity.email_key(" Ann@Example.COM ") == "ann@example.com"


SETTING_TEXT = st.none() | st.text(alphabet=st.sampled_from("0123456789.- x٣"), max_size=10)


@RULES
@given(rate=SETTING_TEXT, months=SETTING_TEXT)
def test_points_settings(db: Database, rate: str | None, months: str | None) -> None:
    pairs = {k: v for k, v in (("points_per_currency_unit", rate), ("points_expiry_months", months)) if v is not None}
    with _scratch(db):
        _settings(db, pairs)
        got = db.fetchone("SELECT rate, expiry_months FROM sk_points_settings()")
    policy = PointsSettings.from_settings(pairs)
    assert got == (policy.rate, policy.expiry_months)
