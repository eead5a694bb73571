"""What personal data the shop holds, where, and for how long (PIPL art. 51: classify; GDPR art. 30-style record).

One row per place: the table, what kind of data it holds, how many rows
still hold some, and the date of the oldest last order among the people it
belongs to - how long the shop has kept someone's details after they last
bought. Counted from the tables themselves each time, so the page never says
the shop holds less than it does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from shopkeeper.db.database import Database
from shopkeeper.services.privacy_erasure import ERASED_PREFIX
from shopkeeper.services.privacy_retention import retention_days


@dataclass(frozen=True)
class Holding:
    table: str
    holds: str        # what kind of personal data: 'contacts', 'accounts', 'copies', 'log'
    rows: int         # rows that still hold some
    people: int | None  # people those rows belong to, where the table says
    oldest_last_order: date | None  # the longest anyone's details have been kept since they last ordered


@dataclass(frozen=True)
class PersonalData:
    holdings: tuple[Holding, ...]
    retention_days: int | None


_NOT_ERASED = f"NOT starts_with(buyer_id, '{ERASED_PREFIX}')"
_BUYER_DATA = f"(name IS NOT NULL OR email IS NOT NULL OR phone IS NOT NULL OR {_NOT_ERASED})"
_MEMBER_DATA = "(display_name <> '' OR email IS NOT NULL OR phone IS NOT NULL OR notes IS NOT NULL)"

# (table, what it holds, rows holding some, people, the day their last order was)
_PLACES = (
    ("buyers", "contacts",
     f"SELECT count(*), count(*), min(last_day) FROM buyers b LEFT JOIN ("
     f" SELECT shop_id, buyer_id, max(ordered_at)::DATE AS last_day FROM orders GROUP BY ALL) o USING (shop_id, buyer_id)"
     f" WHERE {_BUYER_DATA}"),
    ("members", "contacts",
     f"SELECT count(*), count(*), min(last_day) FROM members m LEFT JOIN ("
     f" SELECT b.member_id, max(o.ordered_at)::DATE AS last_day FROM buyers b"
     f" JOIN orders o USING (shop_id, buyer_id) GROUP BY ALL) l USING (member_id) WHERE {_MEMBER_DATA}"),
    ("orders", "accounts",
     f"SELECT count(*), count(DISTINCT (shop_id, buyer_id)), min(ordered_at)::DATE FROM orders"
     f" WHERE buyer_id IS NOT NULL AND {_NOT_ERASED}"),
    ("buyers_prior", "contacts", f"SELECT count(*), NULL, NULL FROM buyers_prior WHERE {_BUYER_DATA}"),
    ("members_prior", "contacts", f"SELECT count(*), NULL, NULL FROM members_prior WHERE {_MEMBER_DATA}"),
    ("orders_prior", "accounts",
     f"SELECT count(*), NULL, NULL FROM orders_prior WHERE buyer_id IS NOT NULL AND {_NOT_ERASED}"),
    ("import_rejects", "copies", "SELECT count(*), NULL, NULL FROM import_rejects WHERE value IS NOT NULL"),
    ("privacy_log", "log", "SELECT count(*), count(DISTINCT member_id), NULL FROM privacy_log"),
)


def personal_data(db: Database) -> PersonalData:
    holdings = []
    for table, holds, sql in _PLACES:
        rows, people, oldest = db.fetchone(sql) or (0, None, None)
        holdings.append(Holding(table, holds, int(rows), None if people is None else int(people), oldest))
    return PersonalData(tuple(holdings), retention_days(db))
