"""Writing staged canonical rows, shared by every platform's normaliser.

Normalisers stage rows shaped like the canonical tables (`_sk_orders`,
`_sk_lines`, `_sk_buyers`, `_sk_products`, `_sk_variants`, `_sk_listings`,
`_sk_stock`), leaving NULL wherever the file says nothing, and call these
helpers, which add what needs the shop's current state (members, first-seen
dates, stock timestamps, NOT NULL columns an export may omit) and merge
through db/merge.py so every change is undoable.
"""

from __future__ import annotations

from collections.abc import Mapping

from shopkeeper.db.batches import created_shop_key
from shopkeeper.db.database import Database
from shopkeeper.db.merge import KEYS, MergeCount, record_freshness, table_columns
from shopkeeper.db.rule_macros import install_rule_macros
from shopkeeper.domain.messages import Message
from shopkeeper.importers import freshness, order_identity
from shopkeeper.importers.context import ImportContext, Refused, q
from shopkeeper.importers.member_names import contact_email, contact_phone, name_members

ORDERS = "_sk_orders"
LINES = "_sk_lines"
BUYERS = "_sk_buyers"
PRODUCTS = "_sk_products"
VARIANTS = "_sk_variants"
LISTINGS = "_sk_listings"
STOCK = "_sk_stock"
TAGS = "_sk_tags"


def exists(ctx: ImportContext, table: str) -> bool:
    return bool(ctx.db.scalar(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND database_name = 'temp'", [table]
    ))


def complete_from_shop(ctx: ImportContext, staged: str, table: str, fill: Mapping[str, str | None]) -> None:
    """Fill NULL staged values of `fill` columns from the stored row, else from the SQL default given.

    Merging keeps stored values for NULLs anyway; this matters for rows that are
    new (NOT NULL columns) and for checks a normaliser makes before merging.
    """
    key = KEYS[table]
    staged_cols = table_columns(ctx.db, staged)
    join = " AND ".join(f"t.{q(k)} = s.{q(k)}" for k in key)
    exprs = []
    for col in staged_cols:
        if col in fill:
            default = fill[col] if fill[col] is not None else "NULL"
            exprs.append(f"coalesce(s.{q(col)}, t.{q(col)}, {default}) AS {q(col)}")
        else:
            exprs.append(f"s.{q(col)}")
    for col, default in fill.items():
        if col not in staged_cols:
            exprs.append(f"coalesce(t.{q(col)}, {default if default is not None else 'NULL'}) AS {q(col)}")
    ctx.create(staged, f"SELECT {', '.join(exprs)} FROM {q(staged)} s LEFT JOIN {q(table)} t ON {join}")


# The freshness key of every order this file staged, which its lines carry too.
_ORDER_KEYS = freshness.ORDER_KEYS
_STAND_IN_KEYS = "_sk_stand_in_keys"


def write_orders(ctx: ImportContext, staged: str = ORDERS) -> MergeCount:
    """Orders merged by what their rows say (freshness.py), matched on every key the platform gives."""
    ctx.step(Message("progress.saving_orders"), 0.75)
    ctx.begin_writing()
    order_identity.match(ctx, staged, LINES)
    keys = freshness.stamp_orders(ctx, staged)
    # After stamping (the key comes from the file alone): refunds only grow, so an order keeps
    # the larger refunded amount whichever file told it; a file without the column says 0 for new orders.
    # Only a staged order the shop already holds can have a larger stored refund (greatest() skips the
    # NULL of an order it lacks): a zip of small exports mostly stages new orders into a shop that has some.
    if ctx.scalar(f"SELECT EXISTS (SELECT 1 FROM {q(staged)} s JOIN orders t "
                  "ON t.shop_id = s.shop_id AND t.order_id = s.order_id)"):
        ctx.create(staged, f"SELECT s.* REPLACE (coalesce(greatest(s.refunded_amount, t.refunded_amount), 0) "
                           f"AS refunded_amount) FROM {q(staged)} s "
                           "LEFT JOIN orders t ON t.shop_id = s.shop_id AND t.order_id = s.order_id")
    elif ctx.scalar(f"SELECT EXISTS (SELECT 1 FROM {q(staged)} WHERE refunded_amount IS NULL)"):
        ctx.create(staged, f"SELECT * REPLACE (coalesce(refunded_amount, 0) AS refunded_amount) FROM {q(staged)}")
    return ctx.upsert("orders", staged, keys=keys, plain=("refunded_amount",))


def write_lines(ctx: ImportContext, staged: str = LINES, *, stand_in: bool = False) -> MergeCount:
    """Order lines: an order's lines are those of the freshest file that listed them.

    Lines come with the key of their order row (or, from a file that staged no
    order for them, a key below every order's, made from the lines themselves);
    a file whose key is below the one the stored lines came with leaves them alone.
    `stand_in` lines only stand for items another file lists (a count from an
    orders file): they rank below any listed lines, whichever file is fresher.
    """
    ctx.step(Message("progress.saving_order_lines"), 0.82)
    if stand_in:
        # The empty key sorts below every other: any file that lists the items replaces them.
        ctx.create(_STAND_IN_KEYS, f"SELECT DISTINCT shop_id, order_id, '' AS freshness FROM {q(staged)}")
        return _write_keyed_lines(ctx, staged, _STAND_IN_KEYS)
    if not exists(ctx, _ORDER_KEYS):
        ctx.create(_ORDER_KEYS, "SELECT NULL::VARCHAR AS shop_id, NULL::VARCHAR AS order_id, "
                                "NULL::VARCHAR AS freshness WHERE FALSE")
    orderless = (f"FROM {q(staged)} l WHERE NOT EXISTS (SELECT 1 FROM {_ORDER_KEYS} k "
                 "WHERE k.shop_id = l.shop_id AND k.order_id = l.order_id)")
    orderless_lines = bool(ctx.scalar(f"SELECT EXISTS (SELECT 1 {orderless})"))
    if orderless_lines:
        staged_cols = set(table_columns(ctx.db, staged))
        values = [c for c in table_columns(ctx.db, "order_lines") if c in staged_cols
                  and c not in ("shop_id", "order_id", "batch_id")]
        digest = ", ".join(f"l.{q(c)}" for c in values)
        ctx.run(f"INSERT INTO {_ORDER_KEYS} SELECT l.shop_id, l.order_id, '00|' || "
                f"md5(string_agg(CAST(ROW({digest}) AS VARCHAR), '|' ORDER BY l.line_no)) {orderless} "
                "GROUP BY l.shop_id, l.order_id")
    return _write_keyed_lines(ctx, staged, _ORDER_KEYS, as_orders=not orderless_lines)


def _write_keyed_lines(ctx: ImportContext, staged: str, keys: str, *, as_orders: bool = False) -> MergeCount:
    """`as_orders`: `keys` are just the keys write_orders recorded, so when every one of those orders has
    its lines here, one note says so instead of a second key per order (freshness.LINES_AS_ORDERS)."""
    # Decided per order, and the staged lines copied only when some order's lines are outdated.
    ctx.create("_sk_outdated_lines", f"""
        SELECT k.shop_id, k.order_id FROM {keys} k
        JOIN ({freshness.stored_line_freshness(keys)}) t
          ON t.shop_id = k.shop_id AND t.row_id = k.order_id
        WHERE t.freshness > k.freshness
    """)
    if ctx.scalar("SELECT EXISTS (SELECT 1 FROM _sk_outdated_lines)"):
        as_orders = False
        ctx.create(staged, f"SELECT * FROM {q(staged)} l WHERE NOT EXISTS (SELECT 1 FROM _sk_outdated_lines o "
                           "WHERE o.shop_id = l.shop_id AND o.order_id = l.order_id)")
    count = ctx.replace_children("order_lines", staged, ("shop_id", "order_id"))
    if as_orders and freshness.lines_follow_orders(ctx, keys, staged):
        freshness.record_lines_as_orders(ctx)
    else:
        listed = f"EXISTS (SELECT 1 FROM {q(staged)} l WHERE l.shop_id = k.shop_id AND l.order_id = k.order_id)"
        record_freshness(ctx.db, "order_lines", keys, "order_id", ctx.batch_id, only=listed)
    return count


# The tail of a buyers query whose CTE `b` has shop_id, buyer_id, known_member,
# email_key and phone_key: finds each buyer's member and derives a stable id for
# a new one (the same person gets the same id from any platform). Shared by every
# writer of buyers so members match across importers; what makes two values the
# same person is domain/identity.py's rule. In order: the seller's split of this
# buyer, the member it already belongs to, a member or buyer with the same
# e-mail, then phone; a member the seller merged into another stands for that
# other (member_decisions, migration 0013), so a merge or split outlives every
# later import.
MEMBER_MATCH = """
        by_email AS (SELECT k, min(member_id) AS member_id FROM (
                         SELECT sk_email_key(email) AS k, member_id FROM members WHERE email IS NOT NULL
                         UNION ALL
                         SELECT sk_email_key(email), member_id FROM buyers
                         WHERE email IS NOT NULL AND member_id IS NOT NULL)
                     WHERE k IN (SELECT email_key FROM b) GROUP BY k),
        by_phone AS (SELECT k, min(member_id) AS member_id FROM (
                         SELECT sk_phone_key(phone) AS k, member_id FROM members WHERE phone IS NOT NULL
                         UNION ALL
                         SELECT sk_plain_phone_key(phone), member_id FROM buyers
                         WHERE phone IS NOT NULL AND member_id IS NOT NULL)
                     WHERE k IN (SELECT phone_key FROM b) GROUP BY k),
        split_to AS (SELECT b AS buyer_key, arg_max(a, batch_id) AS member_id FROM member_decisions
                     WHERE kind = 'split' GROUP BY b),
        merged_into AS (SELECT b AS absorbed, arg_max(a, batch_id) AS survivor FROM member_decisions
                        WHERE kind = 'merge' GROUP BY b),
        matched AS (
            SELECT b.*,
                   coalesce(s.member_id, b.known_member, e.member_id, p.member_id) AS found0,
                   'mem-' || substr(md5(CASE WHEN b.email_key IS NOT NULL AND b.email_key <> '' THEN 'email:' || b.email_key
                                             WHEN b.phone_key IS NOT NULL THEN 'phone:' || b.phone_key
                                             ELSE 'buyer:' || b.shop_id || chr(31) || b.buyer_id END), 1, 16) AS new0
            FROM b LEFT JOIN by_email e ON e.k = b.email_key LEFT JOIN by_phone p ON p.k = b.phone_key
            LEFT JOIN split_to s ON s.buyer_key = b.shop_id || chr(31) || b.buyer_id
        )
        SELECT m.* EXCLUDE (found0, new0),
               coalesce(f.survivor, m.found0, n.survivor) AS found_member,
               m.new0 AS new_member
        FROM matched m LEFT JOIN merged_into f ON f.absorbed = m.found0 LEFT JOIN merged_into n ON n.absorbed = m.new0
"""


def _member_name(name: str, at: str = "") -> str:
    # A buyer's name as a member's: contact details stand in masked (domain/privacy.py), as they would be shown.
    return (f"coalesce({name}, sk_mask_email({at}email), sk_mask_phone({at}phone), "
            f"CASE WHEN contains({at}buyer_id, '@') THEN sk_mask_email({at}buyer_id) ELSE {at}buyer_id END)")


# Of a staged buyer (a new member's first name), and of the buyer as the shop holds it once written
# (alias b; importers/member_names.py).
MEMBER_NAME = _member_name("any_name")
STORED_MEMBER_NAME = _member_name("b.name", "b.")


def stage_buyers_from_orders(ctx: ImportContext, fixed: Mapping[str, str] | None = None, **latest: str) -> None:
    """Stage `_sk_buyers` from the staged orders: one row per buyer id, each column the value of
    that buyer's latest order that has one (`latest`: column -> SQL over `_sk_orders`), plus
    `fixed` columns (column -> SQL constant) and the first order's time as first_seen."""
    columns = [f"arg_max({expr}, ordered_at) FILTER (WHERE {expr} IS NOT NULL) AS {q(name)}"
               for name, expr in latest.items()]
    columns += [f"{expr} AS {q(name)}" for name, expr in (fixed or {}).items()]
    ctx.create(BUYERS, f"SELECT $shop AS shop_id, buyer_id, {', '.join(columns)}, min(ordered_at) AS first_seen "
                       f"FROM {ORDERS} WHERE buyer_id IS NOT NULL GROUP BY buyer_id")


def write_buyers(ctx: ImportContext, staged: str = BUYERS) -> MergeCount:
    """Buyers with a member each: the shop's member with the same e-mail or phone, else a new one.

    `staged` has shop_id, buyer_id and any of name, email, phone, city,
    country, accepts_marketing, first_seen. A new member's id is derived from
    its e-mail / phone / buyer id, so the same person always gets the same id.
    A customers export's order count and amount spent (freshness.PROFILE_ORDERS,
    PROFILE_SPENT) are kept as the platform's word (platform_orders,
    platform_spent: domain/platform_totals.py), never as orders.
    """
    ctx.step(Message("progress.saving_buyers"), 0.88)
    keys = freshness.stamp_buyers(ctx, staged)
    map_rows_to_buyers(ctx)
    cols = set(table_columns(ctx.db, staged))
    col = {c: (f"s.{q(c)}" if c in cols else "NULL") for c in
           ("name", "email", "phone", "city", "country", "accepts_marketing", "first_seen")}
    # As written; a count or amount too big for the column is no figure at all, not an error.
    said = {"platform_orders": (freshness.PROFILE_ORDERS, "INTEGER"),
            "platform_spent": (freshness.PROFILE_SPENT, "DECIMAL(18,2)")}
    platform = ", ".join(f"TRY_CAST(s.{q(src)} AS {kind}) AS {name}" if src in cols else f"NULL::{kind} AS {name}"
                         for name, (src, kind) in said.items())
    # Normalisers usually stage one row per buyer already; sorting to keep the latest is then wasted.
    repeated = ctx.scalar(f"SELECT EXISTS (SELECT 1 FROM {q(staged)} GROUP BY shop_id, buyer_id HAVING count(*) > 1)")
    # Of one buyer's rows, the latest; ties as freshness ranks a customers export's, then the file's last row,
    # so the same file always keeps the same row.
    ties = "".join(f", s.{q(c)} DESC NULLS LAST" for c in (freshness.PROFILE_ORDERS, freshness.PROFILE_SPENT, "_row")
                   if c in cols)
    dedup = (f"QUALIFY row_number() OVER (PARTITION BY s.shop_id, s.buyer_id ORDER BY {col['first_seen']} DESC "
             f"NULLS LAST{ties}) = 1" if repeated else "")
    ctx.create(
        "_sk_buyers_m",
        f"""
        WITH b AS (
            SELECT s.shop_id, s.buyer_id,
                   {col['name']} AS name, {col['email']} AS email, {col['phone']} AS phone,
                   {col['city']} AS city, {col['country']} AS country,
                   {col['accepts_marketing']} AS accepts_marketing, {platform},
                   CASE WHEN t.first_seen IS NOT NULL AND ({col['first_seen']} IS NULL
                                                           OR t.first_seen <= {col['first_seen']})
                        THEN t.first_seen ELSE {col['first_seen']} END AS first_seen,
                   t.member_id AS known_member,
                   sk_email_key(coalesce({col['email']}, t.email)) AS email_key,
                   sk_phone_key(coalesce({col['phone']}, t.phone)) AS phone_key,
                   coalesce({col['name']}, t.name) AS any_name
            FROM {q(staged)} s LEFT JOIN buyers t ON t.shop_id = s.shop_id AND t.buyer_id = s.buyer_id
            WHERE s.buyer_id IS NOT NULL
            {dedup}
        ),
        {MEMBER_MATCH}
        """,
    )
    ctx.create(
        "_sk_members",
        f"""
        SELECT new_member AS member_id, {MEMBER_NAME} AS display_name,
               {contact_email('email')} AS email, {contact_phone('phone')} AS phone,
               coalesce(first_seen, now()) AS joined_at
        FROM _sk_buyers_m WHERE found_member IS NULL
        QUALIFY row_number() OVER (PARTITION BY new_member ORDER BY first_seen NULLS LAST, shop_id, buyer_id) = 1
        """,
    )
    total = ctx.upsert("members", "_sk_members")
    ctx.create(
        "_sk_buyers_w",
        "SELECT shop_id, buyer_id, name, email, phone, city, country, accepts_marketing, platform_orders, "
        "platform_spent, coalesce(found_member, new_member) AS member_id, first_seen FROM _sk_buyers_m",
    )
    # first_seen is already the earlier of the file's and the shop's.
    total += ctx.upsert("buyers", "_sk_buyers_w", keys=keys, plain=("first_seen",))
    return total + name_members(ctx, "_sk_buyers_m", STORED_MEMBER_NAME)


def write_catalogue(ctx: ImportContext) -> MergeCount:
    """Products, variants, listings and stock levels, whichever the normaliser staged."""
    ctx.step(Message("progress.saving_products"), 0.80)
    total = MergeCount()
    if exists(ctx, PRODUCTS):
        total += ctx.upsert("products", PRODUCTS)
    if exists(ctx, VARIANTS):
        complete_from_shop(ctx, VARIANTS, "variants", {"active": "TRUE", "currency": "$currency"})
        total += ctx.upsert("variants", VARIANTS)
    if exists(ctx, LISTINGS):
        _map_unless_mapped(ctx, "listings", f"SELECT _row, shop_id, listing_id FROM {LISTINGS}")
        total += ctx.upsert("listings", LISTINGS)
    if exists(ctx, TAGS):
        # Tags only add: one the export no longer lists may be one the seller gave in Listings.
        total += ctx.upsert("product_tags", TAGS)
    if exists(ctx, STOCK):
        _map_unless_mapped(ctx, "stock_levels", f"SELECT _row, sku FROM {STOCK} WHERE on_hand IS NOT NULL")
        # The timestamp moves only when the count does, so an unchanged file changes nothing.
        # on_hand is derived again from the snapshots by recompute (domain/stock_ledger.py).
        ctx.create(
            "_sk_stock_w",
            f"SELECT s.sku, s.on_hand, CASE WHEN t.sku IS NULL OR t.on_hand IS DISTINCT FROM s.on_hand "
            f"THEN {_counted_at(ctx)} END AS updated_at FROM {STOCK} s LEFT JOIN stock_levels t ON t.sku = s.sku "
            f"WHERE s.on_hand IS NOT NULL",
        )
        # A count that says what the shop already holds (the level on hand now, after a first count) tells
        # nothing new: only the others become snapshots, so the file's "added / updated" says what changed.
        ctx.create(
            "_sk_stock_news",
            "SELECT w.sku FROM _sk_stock_w w LEFT JOIN stock_levels t ON t.sku = w.sku "
            "WHERE t.sku IS NULL OR t.on_hand IS DISTINCT FROM w.on_hand "
            "OR NOT EXISTS (SELECT 1 FROM stock_snapshots x WHERE x.sku = w.sku)",
        )
        total += ctx.upsert("stock_levels", "_sk_stock_w")
        write_stock_snapshots(ctx)
    return total


def stage_tags(ctx: ImportContext, products_sql: str) -> None:
    """Stage `_sk_tags` (sku, tag) from `products_sql` (product_id, tags: the export's comma-separated text),
    giving a product's tags to each SKU staged for it: tags are kept per SKU, what campaigns pick.

    Tags are trimmed; the same tag twice on a product in two spellings ('Wood', 'wood') counts once.
    """
    ctx.create(TAGS, f"""
        SELECT min(v._row) AS _row, v.sku, min(t.tag) AS tag
        FROM (SELECT product_id, trim(unnest(string_split(tags, ','))) AS tag
              FROM ({products_sql}) WHERE tags IS NOT NULL) t
        JOIN {VARIANTS} v ON v.product_id = t.product_id
        WHERE t.tag <> '' AND v.sku IS NOT NULL
        GROUP BY v.sku, lower(t.tag)
    """)
    # A tag the SKU already has in another spelling keeps the shop's spelling: one tag, not two.
    ctx.create(TAGS, f"""
        SELECT s._row, s.sku, coalesce(min(x.tag), s.tag) AS tag
        FROM {TAGS} s LEFT JOIN product_tags x ON x.sku = s.sku AND lower(x.tag) = lower(s.tag)
        GROUP BY s._row, s.sku, s.tag
    """)


def _counted_at(ctx: ImportContext) -> str:
    return "now()" if ctx.exported_at is None else f"'{ctx.exported_at.isoformat()}'::TIMESTAMPTZ"


def write_stock_snapshots(ctx: ImportContext) -> None:
    """Each counted SKU's level as a snapshot dated when the file was written.

    A SKU listed twice in one file counts once (its last row). A snapshot the shop already holds (same SKU,
    instant and level from an import) is not written again, so importing the file again adds nothing.
    """
    ctx.run(
        f"INSERT INTO stock_snapshots (sku, counted_at, on_hand, source, batch_id) "
        f"SELECT s.sku, {_counted_at(ctx)}, arg_max(s.on_hand, s._row), 'import', $batch FROM {STOCK} s "
        f"WHERE s.on_hand IS NOT NULL AND s.sku IN (SELECT sku FROM _sk_stock_news) GROUP BY s.sku "
        f"HAVING NOT EXISTS (SELECT 1 FROM stock_snapshots x WHERE x.sku = s.sku AND x.source = 'import' "
        f"AND x.counted_at = {_counted_at(ctx)} AND x.on_hand = arg_max(s.on_hand, s._row))"
    )


def map_rows_to_buyers(ctx: ImportContext) -> None:
    """Each order row to its buyer, unless the normaliser mapped buyers itself (a customers file)."""
    if exists(ctx, ORDERS):
        _map_unless_mapped(ctx, "buyers", f"SELECT _row, shop_id, buyer_id FROM {ORDERS} WHERE buyer_id IS NOT NULL")


def _map_unless_mapped(ctx: ImportContext, table: str, select_sql: str) -> None:
    # A row whose only change is its buyer's phone, its listing's status or its stock count is still updated.
    if not ctx.maps(table):
        ctx.map_rows(table, select_sql, secondary=True)


WHICH_SHOP = "import.refused.which_shop"  # the refusal of a file that names no shop where its platform has several


def shop_name_for(db: Database, platform: str, named: str | None, default_name: str) -> str:
    """The name of the platform's shop a file goes into: the one named (an existing shop of the platform
    whatever the case it is typed in), else the platform's only shop, else `default_name` (the platform's, for
    its first shop).

    Refused when the platform has several shops and none is named: a file cannot tell which it is from, and a
    guess would put one store's orders into another (the same order in two shops counts twice).
    """
    name = (named or "").strip()
    if name:
        same = db.scalar("SELECT min(name) FROM shops WHERE platform = ? AND lower(name) = lower(?)", [platform, name])
        return name if same is None else str(same)
    shops = [str(r[0]) for r in db.fetchall("SELECT name FROM shops WHERE platform = ? ORDER BY name", [platform])]
    if len(shops) > 1:
        raise Refused(Message(WHICH_SHOP, {"platform": platform, "shops": shops}))
    return shops[0] if shops else default_name


def ensure_shop(db: Database, *, shop_id: str, platform: str, name: str, batch_id: int) -> None:
    """Add the shop when it is new, noting the batch so undoing that import removes it again."""
    if db.scalar("SELECT count(*) FROM shops WHERE shop_id = ?", [shop_id]):
        return
    db.execute("INSERT INTO shops (shop_id, platform, name, currency) VALUES (?, ?, ?, NULL)",
               [shop_id, platform, name])
    db.execute("INSERT INTO shop_settings (key, value) VALUES (?, ?)", [created_shop_key(batch_id), shop_id])


def shop_currency(db: Database, shop_id: str, platform: str) -> str:
    """The shop's currency as it stands (domain/shop_currency.py); a shop not made yet: the platform's default."""
    install_rule_macros(db)
    row = db.fetchone(
        "SELECT coalesce((SELECT currency FROM sk_shop_currencies() WHERE shop_id = $shop),"
        " (SELECT default_currency FROM platforms WHERE code = $platform), 'USD')",
        {"shop": shop_id, "platform": platform},
    )
    return str(row[0]) if row else "USD"
