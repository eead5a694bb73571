-- Orders and order lines lose their PRIMARY KEY indexes: on a 1M-line import, keeping the
-- ART indexes of their text keys up to date cost ~1 CPU s at insert and COMMIT, more than
-- a lookup by key gains from them (a scan of the shop's orders takes milliseconds). Each
-- key stays unique all the same: imports write these tables through db/merge.py, which
-- de-duplicates what it stages, updates the rows whose key is stored and inserts only keys
-- the table lacks (tests/unit/db/test_unkeyed_orders.py); undo puts back exactly the rows
-- an import displaced, after removing the ones it wrote. The tables are rebuilt with the
-- same columns, order, types, NOT NULLs and defaults, rows copied; their `_prior` tables
-- never had keys and stay as they are.
CREATE TABLE orders_unkeyed (
    shop_id          VARCHAR NOT NULL,
    order_id         VARCHAR NOT NULL,
    order_number     VARCHAR,
    buyer_id         VARCHAR,
    ordered_at       TIMESTAMPTZ NOT NULL,
    ordered_tz       VARCHAR NOT NULL,
    paid_at          TIMESTAMPTZ,
    status           VARCHAR NOT NULL,
    platform_status  VARCHAR,
    currency         VARCHAR NOT NULL,
    subtotal         DECIMAL(18,2),
    shipping         DECIMAL(18,2),
    tax              DECIMAL(18,2),
    discount         DECIMAL(18,2),
    total            DECIMAL(18,2) NOT NULL,
    refunded_amount  DECIMAL(18,2) NOT NULL DEFAULT 0,
    channel          VARCHAR,
    ship_city        VARCHAR,
    ship_country     VARCHAR,
    batch_id         BIGINT
);
INSERT INTO orders_unkeyed SELECT * FROM orders ORDER BY shop_id, order_id;
DROP TABLE orders;
ALTER TABLE orders_unkeyed RENAME TO orders;

CREATE TABLE order_lines_unkeyed (
    shop_id     VARCHAR NOT NULL,
    order_id    VARCHAR NOT NULL,
    line_no     INTEGER NOT NULL,
    sku         VARCHAR,
    title       VARCHAR NOT NULL,
    variant     VARCHAR,
    quantity    INTEGER NOT NULL,
    unit_price  DECIMAL(18,2) NOT NULL,
    line_total  DECIMAL(18,2) NOT NULL,
    currency    VARCHAR NOT NULL,
    refunded_quantity INTEGER NOT NULL DEFAULT 0,
    batch_id    BIGINT
);
INSERT INTO order_lines_unkeyed SELECT * FROM order_lines ORDER BY shop_id, order_id, line_no;
DROP TABLE order_lines;
ALTER TABLE order_lines_unkeyed RENAME TO order_lines;

-- The points ledger likewise: a first import's recompute writes an entry per order, refund
-- and expiry (586k for a 1M-line file), and the index of their random 64-bit ids cost ~0.5
-- CPU s at insert and COMMIT. Ids stay unique: the seller's entries take the sequence's,
-- below 2^62; derived ones are made from what they are (services/recompute.py), one entry
-- per member, order or credit and reason, and recompute updates a stored id in place.
CREATE TABLE points_ledger_unkeyed (
    entry_id    BIGINT NOT NULL,
    member_id   VARCHAR NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    points      INTEGER NOT NULL,
    reason      VARCHAR NOT NULL,
    shop_id     VARCHAR,
    order_id    VARCHAR,
    expires_at  TIMESTAMPTZ,
    batch_id    BIGINT
);
INSERT INTO points_ledger_unkeyed SELECT * FROM points_ledger ORDER BY entry_id;
DROP TABLE points_ledger;
ALTER TABLE points_ledger_unkeyed RENAME TO points_ledger;
