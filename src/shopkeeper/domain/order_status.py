"""Which order statuses count as a sale, a refund or a cancellation.

Every importer maps the platform's wording onto the canonical statuses below
(importers/normalise_sql.py STATUSES). One definition of "sold" serves every
figure: an order is sold once it is paid, and stays sold when only part of it
is refunded (the refunded amount comes off its revenue instead); a pending
(unpaid), cancelled or fully refunded order is not a sale.
"""

from __future__ import annotations

PENDING = "pending"
PAID = "paid"
SHIPPED = "shipped"
COMPLETED = "completed"
CANCELLED = "cancelled"
REFUNDED = "refunded"
PARTIALLY_REFUNDED = "partially_refunded"

STATUSES = (PENDING, PAID, SHIPPED, COMPLETED, CANCELLED, REFUNDED, PARTIALLY_REFUNDED)

SOLD = frozenset({PAID, SHIPPED, COMPLETED, PARTIALLY_REFUNDED})
REFUNDED_STATUSES = frozenset({REFUNDED})
CANCELLED_STATUSES = frozenset({CANCELLED})


def is_sold(status: str | None) -> bool:
    return status in SOLD


def is_refunded(status: str | None) -> bool:
    """Fully refunded: the money went back, the order is no sale."""
    return status in REFUNDED_STATUSES


def is_cancelled(status: str | None) -> bool:
    return status in CANCELLED_STATUSES


def _in(values: frozenset[str]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in sorted(values)) + ")"


MACROS = (
    f"CREATE OR REPLACE TEMP MACRO sk_is_sold(status) AS coalesce(status IN {_in(SOLD)}, FALSE)",
    f"CREATE OR REPLACE TEMP MACRO sk_is_refunded(status) AS coalesce(status IN {_in(REFUNDED_STATUSES)}, FALSE)",
    f"CREATE OR REPLACE TEMP MACRO sk_is_cancelled(status) AS coalesce(status IN {_in(CANCELLED_STATUSES)}, FALSE)",
)
