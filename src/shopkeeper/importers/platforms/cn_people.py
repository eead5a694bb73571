"""Buyers and members from Chinese platform exports, where personal fields are often opaque.

Douyin writes recipients as cipher text (`##密文`, `$$…$$`), JD and Pinduoduo
mask phones (`1******6198`, `****`), Taobao masks Alipay accounts. Such a value
is kept exactly as written on the buyer row (the seller may need it to match a
parcel), but it never identifies a person: two buyers whose masked phones look
alike are not the same member, and a member created here never carries an
opaque phone, so later imports cannot match it either.

Unlike `canonical.write_buyers`, which matches on any phone with seven digits,
only a plain, unmasked phone number joins an existing member here; the buyer
id itself (the platform's buyer account / nick, or the order id when the
export names no account but a recipient or phone) is what ties a buyer to its
member on re-import. An order that names no one at all has no buyer and no
member (cn_orders.OrderShape.buyer_id).
"""

from __future__ import annotations

from shopkeeper.db.merge import MergeCount, table_columns
from shopkeeper.domain.messages import Message
from shopkeeper.importers import freshness
from shopkeeper.importers.canonical import BUYERS, MEMBER_MATCH, map_rows_to_buyers
from shopkeeper.importers.context import ImportContext, q
from shopkeeper.importers.member_names import contact_email, contact_phone, name_members


def is_opaque(expr: str) -> str:
    """SQL: the value is masked or cipher text (domain/identity.py)."""
    return f"sk_is_opaque({expr})"


def plain(expr: str) -> str:
    """SQL: the value when it is readable text, NULL when it is masked or cipher text."""
    return f"sk_readable({expr})"


def plain_phone_key(expr: str) -> str:
    """SQL: digits of a phone that is written out in full, else NULL (domain/identity.py)."""
    return f"sk_plain_phone_key({expr})"


def write_buyers(ctx: ImportContext, staged: str = BUYERS) -> MergeCount:
    """Merge staged buyers and create or find their members.

    `staged` has shop_id, buyer_id and any of name, phone, email, city,
    country, first_seen and display_name (the member's name when a new member
    is made; defaults to the readable name, else the buyer id).
    """
    ctx.step(Message("progress.saving_buyers"), 0.88)
    keys = freshness.stamp_buyers(ctx, staged)
    map_rows_to_buyers(ctx)
    cols = set(table_columns(ctx.db, staged))
    col = {c: (f"s.{q(c)}" if c in cols else "CAST(NULL AS VARCHAR)")
           for c in ("name", "email", "phone", "city", "country", "display_name")}
    col["first_seen"] = "s.first_seen" if "first_seen" in cols else "CAST(NULL AS TIMESTAMPTZ)"
    # The same stable member ids as canonical.write_buyers: a buyer seen on Shopify by
    # phone and on Taobao by the same plain phone lands on one member either way round.
    ctx.create(
        "_sk_cn_buyers_m",
        f"""
        WITH b AS (
            SELECT s.shop_id, s.buyer_id,
                   {col['name']} AS name, {col['email']} AS email, {col['phone']} AS phone,
                   {col['city']} AS city, {col['country']} AS country,
                   CASE WHEN t.first_seen IS NOT NULL AND ({col['first_seen']} IS NULL
                                                           OR t.first_seen <= {col['first_seen']})
                        THEN t.first_seen ELSE {col['first_seen']} END AS first_seen,
                   t.member_id AS known_member,
                   {plain(f"sk_email_key({col['email']})")} AS email_key,
                   {plain_phone_key(col['phone'])} AS phone_key,
                   {plain(col['display_name'])} AS account_name
            FROM {q(staged)} s LEFT JOIN buyers t ON t.shop_id = s.shop_id AND t.buyer_id = s.buyer_id
            WHERE s.buyer_id IS NOT NULL
            QUALIFY row_number() OVER (PARTITION BY s.shop_id, s.buyer_id
                                       ORDER BY {col['first_seen']} DESC NULLS LAST) = 1
        ),
        {MEMBER_MATCH}
        """,
    )
    ctx.create(
        "_sk_cn_members",
        f"""
        SELECT new_member AS member_id, coalesce(account_name, {plain('name')}, buyer_id) AS display_name,
               {contact_email('email')} AS email, {contact_phone('phone')} AS phone,
               coalesce(first_seen, now()) AS joined_at
        FROM _sk_cn_buyers_m WHERE found_member IS NULL
        QUALIFY row_number() OVER (PARTITION BY new_member ORDER BY first_seen NULLS LAST, shop_id, buyer_id) = 1
        """,
    )
    total = ctx.upsert("members", "_sk_cn_members")
    ctx.create(
        "_sk_cn_buyers_w",
        "SELECT shop_id, buyer_id, name, email, phone, city, country, "
        "coalesce(found_member, new_member) AS member_id, first_seen FROM _sk_cn_buyers_m",
    )
    # first_seen is already the earlier of the file's and the shop's.
    total += ctx.upsert("buyers", "_sk_cn_buyers_w", keys=keys, plain=("first_seen",))
    # The account name is the buyer's identity, the same in every file; the name is the merged one.
    return total + name_members(ctx, "_sk_cn_buyers_m",
                                f"coalesce(m.account_name, {plain('b.name')}, b.buyer_id)")
