"""Each business rule's plain Python statement agrees with the SQL every figure uses.

The domain modules hold both; generated data finds where the two would disagree
(a boundary, a leap day, an odd offset, a refund bigger than the rest).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shopkeeper.db.database import Database
from shopkeeper.domain import (
    identity,
    loyalty_settings,
    order_day,
    order_status,
    revenue,
    segments,
    shop_currency,
    tiers,
)
from shopkeeper.domain.points import (
    Credit,
    add_months,
    available_at,
    bonus_on,
    expires_at,
    expiries,
    expiry_cutoff,
    order_entries,
    points_for,
)
from shopkeeper.services.recompute import recompute
from tests.unit.domain.conftest import scratch

RULES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


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
        db.execute("INSERT OR REPLACE INTO currency_settings (key, value) VALUES (?, ?)", [key, value])


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
    with scratch(db):
        _settings(db, pairs)
        _insert_orders(db, rows)
        got = _scalar(db, "SELECT coalesce(sum(net_base), 0) FROM sk_sales()")
        rates = revenue.rates_from_settings(pairs, [r[6] for r in rows])
        assert dict(db.fetchall("SELECT currency, rate FROM sk_fx()")) == rates
    expected = revenue.net_revenue(
        [revenue.Sale(r[5], r[6], r[7], r[8]) for r in rows], rates)  # type: ignore[arg-type]
    assert got == expected


# An order's currency as its export gave it: named ('file', or NULL in older rows), or assumed (the shop's id).
FROM_ROW = st.tuples(st.sampled_from(["EUR", "USD", "CAD"]), st.sampled_from(["file", None, "woocommerce:w"]))


@RULES
@given(orders=st.lists(FROM_ROW, max_size=10), set_currency=st.sampled_from([None, "GBP"]))
def test_shop_currency(db: Database, orders: list[tuple[str, str | None]], set_currency: str | None) -> None:
    at = datetime(2026, 1, 1, tzinfo=UTC)
    with scratch(db):
        db.execute("INSERT INTO shops VALUES ('woocommerce:w', 'woocommerce', 'w', ?)", [set_currency])
        for i, (currency, came_from) in enumerate(orders):
            db.execute("INSERT INTO orders (shop_id, order_id, ordered_at, ordered_tz, status, currency, total, "
                       "currency_from) VALUES ('woocommerce:w', ?, ?, '+00:00', 'paid', ?, 1, ?)",
                       [str(i), at, currency, came_from])
        got = _scalar(db, "SELECT currency FROM sk_shop_currencies() WHERE shop_id = 'woocommerce:w'")
    named: dict[str, int] = {}
    for currency, came_from in orders:
        if not shop_currency.assumed(came_from):
            named[currency] = named.get(currency, 0) + 1
    assert got == shop_currency.shop_currency(set_currency, named, "USD")


# Reorder point, cover and status: tests/unit/domain/test_reorder_rules.py.


DAYS = st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 12, 31))


@RULES
@given(orders=st.integers(0, 40), first=DAYS, gap=st.integers(0, 900), since=st.integers(0, 400))
def test_segments(db: Database, orders: int, first: date, gap: int, since: int) -> None:
    last = first + timedelta(days=gap)
    today = last + timedelta(days=since)
    got = _scalar(db, "SELECT sk_segment(?::INTEGER, ?::DATE, ?::DATE, ?::DATE)", orders, first, last, today)
    assert got == segments.segment(orders, first, last, today)


@RULES
@given(orders=st.integers(0, 3), first=DAYS, since=st.integers(0, 400), not_imported=st.none() | st.integers(0, 5))
def test_member_status(db: Database, orders: int, first: date, since: int, not_imported: int | None) -> None:
    # no orders yet, unless a customers export says some are not imported; a member with orders keeps their segment
    today = first + timedelta(days=since)
    days = (first, first) if orders else (None, None)
    got = _scalar(db, "SELECT sk_member_status(?::INTEGER, ?::DATE, ?::DATE, ?::DATE, ?::BIGINT)",
                  orders, *days, today, not_imported)
    assert got == segments.member_status(orders, *days, today, not_imported or 0)
    assert (got == segments.NOT_IMPORTED) == (orders == 0 and bool(not_imported))


def test_at_risk_is_one_and_a_half_usual_gaps() -> None:
    first, last = date(2026, 1, 1), date(2026, 1, 21)  # 3 orders, a usual gap of 10 days
    assert segments.segment(3, first, last, last + timedelta(days=15)) == "active"
    assert segments.segment(3, first, last, last + timedelta(days=16)) == "at_risk"
    assert segments.segment(3, first, last, last + timedelta(days=181)) == "lapsed"
    assert segments.segment(0, None, None, last) == "new"


# --- tiers and points: whole shops of a few members, recomputed ---------------------------------

TIERS = [
    tiers.Tier("bronze", 1, Decimal(0), Decimal("1.00")),
    tiers.Tier("silver", 2, Decimal(300), Decimal("1.25"), Decimal(200)),
    tiers.Tier("gold", 3, Decimal(900), Decimal("1.50")),
]
THRESHOLDS = {"spend": (0, 300, 900), "points": (0, 400, 1200), "orders": (0, 2, 4)}
MEMBERS = ("m1", "m2", "m3")
TODAY = date(2026, 3, 1)  # a year back is 1 March 2025, the day after a non-leap February
SHOPS = {"s:x": "taobao", "s:y": "shopify"}
BONUS = '[{"name": "Double days", "from": "2025-11-01", "to": "2025-11-11", "platform": "taobao", "multiply": "2"},' \
        ' {"name": "Welcome", "from": "2024-03-01", "to": "2025-12-31", "add": 5}, {"name": "broken", "from": "x"}]'

ORDER = st.tuples(
    st.sampled_from(MEMBERS),
    st.datetimes(min_value=datetime(2024, 2, 20), max_value=datetime(2026, 3, 1, 23, 59), timezones=st.just(UTC)),
    st.sampled_from(["+08:00", "-05:00", "+00:00"]),
    st.sampled_from(order_status.STATUSES),
    st.sampled_from(["CNY", "USD", "GBP"]),  # GBP has no rate
    st.decimals(min_value=Decimal("0.01"), max_value=800, places=2),
    st.decimals(min_value=0, max_value=1, places=2),
    st.sampled_from(sorted(SHOPS)),
)
POLICY = st.fixed_dictionaries({
    "tier_window": st.sampled_from(loyalty_settings.TIER_WINDOWS),
    "tier_basis": st.sampled_from(loyalty_settings.TIER_BASES),
    "points_expiry_model": st.sampled_from(loyalty_settings.EXPIRY_MODELS),
    "points_expiry_months": st.sampled_from(["0", "1", "12"]),
    "points_expiry_month_day": st.sampled_from(["12-31", "06-30", "02-29"]),
    "points_return_days": st.sampled_from(["0", "15"]),
    "bonus_events": st.sampled_from(["", BONUS]),
})


def _ladder(policy: dict[str, str]) -> list[tiers.Tier]:
    limits = THRESHOLDS[policy["tier_basis"]]
    return [tiers.Tier(t.code, t.rank, Decimal(limit), t.points_multiplier,
                       None if t.keep_threshold is None else Decimal(limit) * 2 / 3)
            for t, limit in zip(TIERS, limits, strict=True)]


def _shop_of(db: Database, orders: list[tuple], redeems: list[tuple[str, datetime, int]],
             policy: dict[str, str]) -> None:
    db.execute("DELETE FROM tiers")
    for t in _ladder(policy):
        db.execute("INSERT INTO tiers (code, rank, name_en, name_zh, points_multiplier, threshold, keep_threshold) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?)",
                   [t.code, t.rank, t.code, t.code, t.points_multiplier, t.threshold, t.keep_threshold])
    _settings(db, {"base_currency": "CNY", "fx_USD": "7.10"})
    _loyalty(db, {"points_per_currency_unit": "1.5", "points_rate.shopify": "2", **policy})
    for shop_id, platform in SHOPS.items():
        db.execute("INSERT INTO shops VALUES (?, ?, ?, NULL)", [shop_id, platform, shop_id])
    for m in MEMBERS:
        db.execute("INSERT INTO members (member_id, display_name, joined_at) VALUES (?, ?, now())", [m, m])
        for shop_id in SHOPS:
            db.execute("INSERT INTO buyers (shop_id, buyer_id, member_id) VALUES (?, ?, ?)", [shop_id, m, m])
    _insert_orders(db, [(shop, f"o{i}", m, at, tz, status, cur, total, (total * share).quantize(Decimal("0.01")))
                        for i, (m, at, tz, status, cur, total, share, shop) in enumerate(orders)])
    for i, (m, at, pts) in enumerate(redeems):
        db.execute("INSERT INTO points_ledger (entry_id, member_id, occurred_at, points, reason) "
                   "VALUES (?, ?, ?, ?, 'redeem')", [900_000 + i, m, at, -pts])


def _loyalty(db: Database, pairs: dict[str, str]) -> None:
    for key, value in pairs.items():
        db.execute("INSERT OR REPLACE INTO loyalty_settings (key, value) VALUES (?, ?)", [key, value])


def _policy_of(policy: dict[str, str]) -> loyalty_settings.LoyaltySettings:
    return loyalty_settings.LoyaltySettings.from_settings(
        {"points_per_currency_unit": "1.5", "points_rate.shopify": "2", **policy})


def _tier_sales(orders: list[tuple], member: str, policy: dict[str, str]) -> list[tiers.TierSale]:
    rates = {"CNY": Decimal(1), "USD": Decimal("7.10")}
    settings = _policy_of(policy)
    out = []
    for m, at, tz, status, cur, total, share, shop in orders:
        if m == member and order_status.is_sold(status):
            net = revenue.net_to_base(total, (total * share).quantize(Decimal("0.01")), cur, rates) or Decimal(0)
            amount = {"spend": net, "orders": Decimal(1),
                      "points": Decimal(points_for(net, settings.rate_for(SHOPS[shop]), Decimal(1)))}
            out.append(tiers.TierSale(order_day.order_day(at, tz), amount[settings.tier_basis]))
    return out


def _history(orders: list[tuple], member: str, policy: dict[str, str]) -> list[tuple[date, str, Decimal]]:
    return tiers.tier_history(_tier_sales(orders, member, policy), _ladder(policy), policy["tier_window"], TODAY)


@RULES
@given(orders=st.lists(ORDER, max_size=14), policy=POLICY)
def test_tiers_and_their_history(db: Database, orders: list[tuple], policy: dict[str, str]) -> None:
    with scratch(db):
        _shop_of(db, orders, [], policy)
        recompute(db, TODAY)
        got = dict(db.fetchall("SELECT member_id, tier_code FROM members"))
        history = db.fetchall("SELECT member_id, from_day, tier_code, basis FROM member_tier_history ORDER BY ALL")
    expected = {m: _history(orders, m, policy) for m in MEMBERS}
    assert got == {m: tiers.tier_on(TODAY, expected[m], _ladder(policy)).code for m in MEMBERS}
    cents = Decimal("0.01")
    assert history == sorted((m, d, code, basis.quantize(cents, ROUND_HALF_UP))
                             for m in MEMBERS for d, code, basis in expected[m])


def _expected_ledger(orders: list[tuple], redeems: list[tuple[str, datetime, int]], policy: dict[str, str],
                     today: date) -> list[tuple]:
    rates = {"CNY": Decimal(1), "USD": Decimal("7.10")}
    settings = _policy_of(policy)
    ladder = _ladder(policy)
    out: list[tuple] = []
    for member in MEMBERS:
        history = _history(orders, member, policy)
        credits = []
        for i, (m, at, tz, status, cur, total, share, shop) in enumerate(orders):
            rate = rates.get(cur)
            if m != member or rate is None or status not in order_status.SOLD | order_status.REFUNDED_STATUSES:
                continue
            back = (total * share).quantize(Decimal("0.01"))
            day = order_day.order_day(at, tz)
            multiplier = tiers.tier_on(day - timedelta(days=1), history, ladder).points_multiplier
            factor, bonus = bonus_on(day, SHOPS[shop], settings)
            earned, refund = order_entries(status, revenue.to_base(total, cur, rates), revenue.net_to_base(total, back, cur, rates), settings.rate_for(SHOPS[shop]),
                                           multiplier, factor, bonus)
            pending = available_at(at, settings)
            if earned > 0:
                out.append((member, at, earned, "order", f"o{i}", expires_at(at, settings, tz), pending))
            if refund < 0:
                out.append((member, at, refund, "refund", f"o{i}", None, pending))
            if earned + refund > 0:
                credits.append(Credit(f"{shop}\x1fo{i}", at, earned + refund, tz))
        debits = [(at, pts) for m, at, pts in redeems if m == member]
        for e in expiries(credits, debits, lambda c: expires_at(c.occurred_at, settings, c.tz), expiry_cutoff(today)):
            out.append((member, e.expires_at, -e.points, "expire", e.key.split("\x1f")[1], None, None))
    return sorted(out, key=repr)


REDEEM = st.tuples(st.sampled_from(MEMBERS),
                   st.datetimes(min_value=datetime(2024, 3, 1), max_value=datetime(2026, 3, 1), timezones=st.just(UTC)),
                   st.integers(1, 3_000))


@RULES
@given(orders=st.lists(ORDER, max_size=14), redeems=st.lists(REDEEM, max_size=5), policy=POLICY)
def test_points_ledger(db: Database, orders: list[tuple], redeems: list[tuple[str, datetime, int]],
                       policy: dict[str, str]) -> None:
    with scratch(db):
        _shop_of(db, orders, redeems, policy)
        recompute(db, TODAY)
        got = db.fetchall("SELECT member_id, occurred_at, points, reason, order_id, expires_at, available_at "
                          "FROM points_ledger WHERE reason <> 'redeem'")
    assert sorted(got, key=repr) == _expected_ledger(orders, redeems, policy, TODAY)


def test_expiry_takes_what_spending_left_oldest_first() -> None:
    t0 = datetime(2025, 1, 10, tzinfo=UTC)
    credits = [Credit("a", t0, 100), Credit("b", t0 + timedelta(days=30), 50)]
    spent = [(t0 + timedelta(days=60), 120)]  # all of a, 20 of b
    got = expiries(credits, spent, lambda c: add_months(c.occurred_at, 12), expiry_cutoff(date(2026, 12, 31)))
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
@given(rate=SETTING_TEXT, months=SETTING_TEXT, days=SETTING_TEXT, month_day=st.none() | st.text(
    alphabet=st.sampled_from("0123-9"), max_size=6), model=st.none() | st.sampled_from(["annual", "months", "x"]))
def test_loyalty_settings(db: Database, rate: str | None, months: str | None, days: str | None,
                          month_day: str | None, model: str | None) -> None:
    pairs = {k: v for k, v in (("points_per_currency_unit", rate), ("points_expiry_months", months),
                                ("points_return_days", days), ("points_expiry_month_day", month_day),
                                ("points_expiry_model", model)) if v is not None}
    with scratch(db):
        _loyalty(db, pairs)
        got = db.fetchone("SELECT rate, expiry_months, return_days, expiry_month_day, expiry_model "
                          "FROM sk_loyalty_settings()")
    policy = loyalty_settings.LoyaltySettings.from_settings(pairs)
    assert got == (policy.rate, policy.expiry_months, policy.return_days, list(policy.expiry_month_day),
                   policy.expiry_model)


def test_annual_expiry_clears_a_year_on_the_chosen_day_of_the_next() -> None:
    settings = loyalty_settings.LoyaltySettings(expiry_model="annual", expiry_month_day=(2, 29))
    assert expires_at(datetime(2026, 7, 1, tzinfo=UTC), settings) == datetime(2027, 3, 1, tzinfo=UTC)
    assert expires_at(datetime(2027, 1, 1, tzinfo=UTC), settings) == datetime(2028, 3, 1, tzinfo=UTC)


def test_a_tier_is_kept_until_the_review_and_kept_on_the_lower_threshold() -> None:
    first = date(2025, 1, 10)
    sales = [tiers.TierSale(first, Decimal(350)), tiers.TierSale(date(2026, 3, 5), Decimal(250))]
    # Silver at once; the first anniversary reviews 350 and keeps it; the second reviews 250, below the
    # entry threshold 300 but above the keep threshold 200, and keeps it again; the third finds nothing.
    assert tiers.tier_history(sales, TIERS, "rolling_12", date(2027, 3, 1)) == [(first, "silver", Decimal(350))]
    assert tiers.tier_history(sales, TIERS, "rolling_12", date(2028, 3, 1))[1:] == [
        (date(2028, 1, 10), "bronze", Decimal(0))]
    # By calendar year: 2025 keeps it through 2026, 2026's 250 through 2027, nothing through 2028.
    assert tiers.tier_history(sales, TIERS, "calendar_year", date(2028, 3, 1)) == [
        (first, "silver", Decimal(350)), (date(2028, 1, 1), "bronze", Decimal(0))]
    assert tiers.tier_history(sales, TIERS, "lifetime", date(2030, 1, 1)) == [(first, "silver", Decimal(350))]
