"""One order's money told by two reports counts once: the authority's when it has come, the fallback's until then.

Etsy: the monthly statement beats Sold Orders' fee columns. Douyin: the 动账明细 beats the 结算账单.
Whatever the import order, profit shows the authority's fees; undoing the authority brings the fallback back.
"""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from shopkeeper.db.database import Database
from shopkeeper.db.migrate import migrate
from shopkeeper.domain.money_sources import FALLBACKS, counted_reports
from shopkeeper.services.imports import undo_import
from shopkeeper.services.payouts import reconcile

sys.path.insert(0, str(Path(__file__).parents[1] / "importers"))
from cn_exports import douyin_orders, import_files, write_csv  # noqa: E402
from cn_money_exports import (  # noqa: E402
    DOUYIN_BILL_ONLY_ORDER,
    DOUYIN_BILL_TOTAL,
    DOUYIN_ORDER,
    douyin_fund_flow,
    douyin_settlement_bill,
    write_text,
)
from export_files import ETSY_ORDERS, import_ok, snapshot, write_export  # noqa: E402
from money_west_exports import ETSY_ORDER, ETSY_ROWS, etsy_statement  # noqa: E402

D = Decimal
REFUNDED = "3166878950"  # a partly refunded order the statement does not cover

# Sold Orders as Etsy writes them with their fee columns. ETSY_ORDER: 36.00 paid, the card fee the statement books
# as its processing fee (1.18). REFUNDED: 31.26 paid, 1.63 of it sales tax Etsy remits itself; 11.26 refunded, 0.34
# of the card fee given back, 0.59 of the tax with it.
SOLD_ORDERS = [
    {"Sale Date": "09/24/2026", "Order ID": ETSY_ORDER, "Buyer User ID": "mugfan", "Full Name": "Mug Fan",
     "Number of Items": "1", "Currency": "USD", "Order Value": "36", "Discount Amount": "0", "Shipping": "0",
     "Sales Tax": "0", "Order Total": "36.00", "Status": "Completed", "Card Processing Fees": "1.18",
     "Order Net": "34.82", "Adjusted Order Total": "0", "Adjusted Card Processing Fees": "0",
     "Adjusted Net Order Amount": "0", "Order Type": "online", "Payment Type": "online_cc"},
    {"Sale Date": "09/20/2026", "Order ID": REFUNDED, "Buyer User ID": "annb", "Full Name": "Ann Buyer",
     "Number of Items": "2", "Currency": "USD", "Order Value": "34", "Discount Amount": "8.5", "Shipping": "4.13",
     "Sales Tax": "0", "Order Total": "31.26", "Status": "Partially Refunded", "Card Processing Fees": "1.19",
     "Order Net": "28.44", "Adjusted Order Total": "20.00", "Adjusted Card Processing Fees": "0.85",
     "Adjusted Net Order Amount": "18.11", "Order Type": "online", "Payment Type": "online_cc"},
]
SOLD_ORDERS_NET = D("34.82") + D("18.11")  # each row's Order Net, or Adjusted Net Order Amount once adjusted
# The statement's fees of ETSY_ORDER (money_west_exports.ETSY_ROWS): transaction fees 1.95 + 0.33, processing 1.18.
STATEMENT_COMMISSION, STATEMENT_PAYMENT_FEE = D("2.28"), D("1.18")


def _profit(db: Database, order_id: str) -> tuple[object, ...]:
    return db.fetchone("SELECT estimated, commission, payment_fees, other_fees FROM sk_profit_orders() "
                       "WHERE order_id = ?", [order_id])


def _sales(db: Database, order_id: str) -> Decimal:
    return db.scalar("SELECT sales FROM sk_profit_orders() WHERE order_id = ?", [order_id])


def _sold_orders(tmp_path: Path) -> Path:
    return write_export(tmp_path / "EtsySoldOrders2026.csv", ETSY_ORDERS, SOLD_ORDERS)


class TestRule:
    def test_a_fallback_counts_only_without_its_authority(self) -> None:
        assert counted_reports({"etsy_sold_orders"}) == {"etsy_sold_orders"}
        assert counted_reports({"etsy_sold_orders", "etsy_statement"}) == {"etsy_statement"}
        assert counted_reports({"douyin_settlement_bill", "douyin_fund_flow"}) == {"douyin_fund_flow"}
        # another platform's report never supersedes: only the named authorities do
        assert counted_reports({"etsy_sold_orders", "douyin_fund_flow"}) == {"etsy_sold_orders", "douyin_fund_flow"}

    def test_every_fallback_has_an_authority_that_states_all_of_an_order_s_money(self) -> None:
        # sk_settled_orders() relies on it: an order whose fallback is superseded is settled by its authority
        partial = {f.report for f in FALLBACKS if not f.settles}
        for source in FALLBACKS:
            assert source.authorities and source.report not in source.authorities
            assert not partial & set(source.authorities)


class TestEtsy:
    def test_sold_orders_movements_add_up_to_the_files_net(self, shop: Database, tmp_path: Path) -> None:
        (outcome,) = import_ok(shop, _sold_orders(tmp_path))
        assert (outcome.kind, outcome.rows_read, outcome.rows_added) == ("orders", 2, 2)
        assert shop.fetchone("SELECT sum(amount) FROM money_movements WHERE report = 'etsy_sold_orders'") == (
            SOLD_ORDERS_NET,)
        assert dict(shop.fetchall("SELECT kind, sum(amount) FROM money_movements WHERE order_id = ? GROUP BY kind",
                                  [REFUNDED])) == {
            "sale": D("31.26"), "payment_fee": D("-0.85"), "refund": D("-11.26"), "tax": D("-1.04")}

    def test_sold_orders_alone_give_the_card_fee_and_the_order_stays_estimated(self, shop: Database,
                                                                                tmp_path: Path) -> None:
        import_ok(shop, _sold_orders(tmp_path))
        # the card fee is the file's; the transaction fee is still estimated (6.5 % of 36.00), so the order is too
        assert _profit(shop, ETSY_ORDER) == (True, D("2.34"), D("1.18"), D("0.00"))
        # what the refund gave back of the card fee is no cost; the tax Etsy kept is not a fee either: it comes off
        # sales (36.00 is the Order Value; REFUNDED's 34 + 0.59 of tax its partial refund gave back, which the
        # refunded amount then takes off), and the order's profit is the file's net less the estimated commission
        assert _profit(shop, REFUNDED) == (True, D("2.03"), D("0.85"), D("0.00"))
        assert (_sales(shop, ETSY_ORDER), _sales(shop, REFUNDED)) == (D("36.00"), D("34.59"))
        net = shop.scalar("SELECT sales + shipping - discounts - payment_fees - refunds FROM sk_profit_orders()"
                          " WHERE order_id = ?", [REFUNDED])
        assert net == D("18.11")  # the file's Adjusted Net Order Amount

    @pytest.mark.parametrize("statement_first", [True, False])
    def test_the_statement_wins_in_either_import_order(self, shop: Database, tmp_path: Path,
                                                       statement_first: bool) -> None:
        statement = etsy_statement(tmp_path / "etsy_statement_2026_9.csv")
        files = [statement, _sold_orders(tmp_path)]
        batches = [import_ok(shop, f)[0].batch_id for f in (files if statement_first else files[::-1])]
        statement_batch = batches[0] if statement_first else batches[1]
        # counted once, and as the statement says: not 1.18 twice
        assert _profit(shop, ETSY_ORDER) == (False, STATEMENT_COMMISSION, STATEMENT_PAYMENT_FEE, D("0.00"))
        # the order the statement does not name keeps Sold Orders' money
        assert _profit(shop, REFUNDED) == (True, D("2.03"), D("0.85"), D("0.00"))
        # both reports' movements are kept; only the statement's count for the order
        assert shop.fetchall("SELECT DISTINCT report FROM money_movements WHERE order_id = ? ORDER BY 1",
                             [ETSY_ORDER]) == [("etsy_sold_orders",), ("etsy_statement",)]
        assert shop.fetchall("SELECT DISTINCT report FROM sk_money_movements() WHERE order_id = ?",
                             [ETSY_ORDER]) == [("etsy_statement",)]
        # the order waiting for its statement is listed as unsettled; the settled one is not
        found = reconcile(shop, date(2026, 12, 1))
        assert [o.order_id for o in found.unsettled] == [REFUNDED]

        undo_import(shop, statement_batch)
        assert _profit(shop, ETSY_ORDER) == (True, D("2.34"), D("1.18"), D("0.00"))
        assert shop.fetchone("SELECT sum(amount) FROM sk_money_movements()") == (SOLD_ORDERS_NET,)

    def test_importing_sold_orders_again_adds_nothing_and_undo_removes_its_money(self, shop: Database,
                                                                                 tmp_path: Path) -> None:
        def money() -> list[tuple[object, ...]]:
            return shop.fetchall("SELECT * FROM money_movements ORDER BY movement_id")

        (first,) = import_ok(shop, _sold_orders(tmp_path))
        after = money()
        (second,) = import_ok(shop, write_export(tmp_path / "again.csv", ETSY_ORDERS, SOLD_ORDERS, newline="\r\n"))
        assert (second.rows_added, second.rows_updated) == (0, 0)
        assert money() == after
        undo_import(shop, second.batch_id)
        assert money() == after
        undo_import(shop, first.batch_id)
        assert money() == [] and shop.fetchone("SELECT count(*) FROM orders") == (0,)

    def test_a_sold_orders_file_without_fees_states_no_money(self, shop: Database, tmp_path: Path) -> None:
        rows = [{**r, "Card Processing Fees": "", "Order Net": ""} for r in SOLD_ORDERS]
        import_ok(shop, write_export(tmp_path / "EtsySoldOrders2026.csv", ETSY_ORDERS, rows))
        assert shop.fetchone("SELECT count(*) FROM money_movements") == (0,)
        assert _profit(shop, ETSY_ORDER) == (True, D("2.34"), D("1.33"), D("0.00"))  # both estimated


class TestDouyin:
    def _orders(self, shop: Database, tmp_path: Path) -> None:
        import_files(shop, tmp_path, write_csv(tmp_path / "orders.csv", douyin_orders(), encoding="utf-8-sig",
                                               quote_all=True))

    def _bill(self, tmp_path: Path) -> Path:
        return write_text(tmp_path / "结算账单.csv", douyin_settlement_bill(), "utf-8-sig")

    def _flow(self, tmp_path: Path) -> Path:
        return write_text(tmp_path / "动账明细.csv", douyin_fund_flow(), "utf-8-sig")

    def test_the_bill_is_read_and_reconciles_to_its_own_total(self, shop: Database, tmp_path: Path) -> None:
        (outcome,) = import_files(shop, tmp_path, self._bill(tmp_path))
        # the row under the header is no settlement: two rows, both read
        assert (outcome.platform, outcome.kind, outcome.rows_read, outcome.rows_rejected) == (
            "douyin", "settlement_bill", 2, 0)
        assert shop.fetchone("SELECT sum(amount) FROM money_movements") == (DOUYIN_BILL_TOTAL,)
        assert shop.fetchall("SELECT DISTINCT order_id FROM money_movements ORDER BY 1") == [
            (DOUYIN_ORDER,), (DOUYIN_BILL_ONLY_ORDER,)]

    def test_tab_wrapped_ids_and_a_total_row_read_the_same(self, shop: Database, tmp_path: Path) -> None:
        # Douyin wraps ids in a tab inside quotes against scientific notation; a 合计 row may close the table
        total_row = ",".join(["合计"] + [""] * 15 + [str(DOUYIN_BILL_TOTAL), ""])
        text = douyin_settlement_bill(tab_ids=True) + total_row + "\r\n"
        assert '"\t6917926768823643751"' in text
        path = write_text(tmp_path / "结算账单.csv", text, "utf-8-sig")
        (outcome,) = import_files(shop, tmp_path, path)
        assert (outcome.rows_read, outcome.rows_rejected) == (2, 0)
        assert shop.fetchone("SELECT sum(amount) FROM money_movements") == (DOUYIN_BILL_TOTAL,)
        assert shop.fetchall("SELECT DISTINCT order_id FROM money_movements ORDER BY 1") == [
            (DOUYIN_ORDER,), (DOUYIN_BILL_ONLY_ORDER,)]

    def test_the_bill_alone_settles_its_orders(self, shop: Database, tmp_path: Path) -> None:
        self._orders(shop, tmp_path)
        import_files(shop, tmp_path, self._bill(tmp_path))
        assert _profit(shop, DOUYIN_ORDER) == (False, D("14.65"), D("0.00"), D("-5.00"))
        assert _profit(shop, DOUYIN_BILL_ONLY_ORDER) == (False, D("1.60"), D("0.00"), D("0.00"))

    @pytest.mark.parametrize("flow_first", [True, False])
    def test_the_fund_flow_wins_in_either_import_order(self, shop: Database, tmp_path: Path, flow_first: bool) -> None:
        self._orders(shop, tmp_path)
        files = [self._flow(tmp_path), self._bill(tmp_path)]
        batches = [import_files(shop, tmp_path, f)[0].batch_id for f in (files if flow_first else files[::-1])]
        flow_batch = batches[0] if flow_first else batches[1]
        # the settlement counted once: 14.65 of fees and 5.00 of subsidy, not twice
        assert _profit(shop, DOUYIN_ORDER) == (False, D("14.65"), D("0.00"), D("-5.00"))
        # where the two disagree, what moved on the account counts
        assert _profit(shop, DOUYIN_BILL_ONLY_ORDER) == (False, D("1.50"), D("0.00"), D("0.00"))
        counted = D(shop.fetchone("SELECT sum(amount) FROM sk_money_movements() WHERE order_id IS NOT NULL")[0])
        assert counted == D("170.05") + D("28.00")  # the fund flow's two settlements, nothing of the bill

        undo_import(shop, flow_batch)
        assert _profit(shop, DOUYIN_BILL_ONLY_ORDER) == (False, D("1.60"), D("0.00"), D("0.00"))
        assert shop.fetchone("SELECT sum(amount) FROM sk_money_movements()") == (DOUYIN_BILL_TOTAL,)

    def test_importing_the_bill_again_adds_nothing_and_undo_removes_exactly(self, shop: Database,
                                                                            tmp_path: Path) -> None:
        before = snapshot(shop)
        (first,) = import_files(shop, tmp_path, self._bill(tmp_path))
        after = snapshot(shop)
        again = write_text(tmp_path / "again.csv", douyin_settlement_bill().replace("\r\n", "\n"), "utf-8-sig")
        (second,) = import_files(shop, tmp_path, again)
        assert (second.rows_added, second.rows_updated) == (0, 0)
        assert snapshot(shop) == after
        undo_import(shop, second.batch_id)
        undo_import(shop, first.batch_id)
        assert snapshot(shop) == before


TAX_ROW = ("September 24, 2026", "Tax", "Sales tax paid by buyer", f"Order #{ETSY_ORDER}", "USD", "--", "-$2.34",
           "-$2.34", "--")


def test_the_statements_sales_tax_comes_off_sales_not_as_a_fee(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, _sold_orders(tmp_path))
    import_ok(shop, etsy_statement(tmp_path / "etsy_statement_2026_9.csv", (*ETSY_ROWS, TAX_ROW)))
    assert shop.fetchall("SELECT kind, amount FROM money_movements WHERE report = 'etsy_statement'"
                         " AND description LIKE 'Tax%'") == [("tax", D("-2.34"))]
    # Settled by the statement: its fees, no 'other' fee, and the tax Etsy remits is not the seller's sale.
    assert _profit(shop, ETSY_ORDER) == (False, STATEMENT_COMMISSION, STATEMENT_PAYMENT_FEE, D("0.00"))
    assert _sales(shop, ETSY_ORDER) == D("36.00") - D("2.34")


def test_a_shop_that_booked_etsys_tax_as_other_fees_gets_what_an_import_gives_now(shop: Database,
                                                                                    tmp_path: Path) -> None:
    import_ok(shop, _sold_orders(tmp_path))
    import_ok(shop, etsy_statement(tmp_path / "etsy_statement_2026_9.csv", (*ETSY_ROWS, TAX_ROW)))
    now = shop.fetchall("SELECT movement_id, kind FROM money_movements ORDER BY 1")
    # As an older version stored them: the tax as 'other'; then the shop is opened by this version.
    shop.execute("UPDATE money_movements SET kind = 'other' WHERE kind = 'tax'")
    shop.execute("DELETE FROM schema_version WHERE version >= 27")
    # ... without what the later migrations added (0028: ship times and the orders a count held; 0029: provinces;
    # 0030: what a customers export says of the orders; 0031: orders that have a date but no time;
    # 0032: the product a listing lists).
    for table, column in (("orders", "shipped_at"), ("orders_prior", "shipped_at"), ("stock_snapshots", "held_orders"),
                          ("orders", "ship_province"), ("orders_prior", "ship_province"),
                          ("buyers", "platform_orders"), ("buyers", "platform_spent"),
                          ("buyers_prior", "platform_orders"), ("buyers_prior", "platform_spent"),
                          ("orders", "ordered_date_only"), ("orders_prior", "ordered_date_only"),
                          ("listings", "product_id"), ("listings_prior", "product_id")):
        shop.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    migrate(shop, tmp_path / "bk")
    assert shop.fetchall("SELECT movement_id, kind FROM money_movements ORDER BY 1") == now
    assert _profit(shop, REFUNDED) == (True, D("2.03"), D("0.85"), D("0.00"))
