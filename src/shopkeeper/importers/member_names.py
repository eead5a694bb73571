"""A member's name, join date and contacts, the same whichever file came first.

A person may reach the shop through several buyer accounts, imported in any
order. The member is named by its earliest buyer (first seen first; ties by
shop and buyer id) and joined when that buyer was first seen. Each import
renames the members whose earliest buyer it staged, with the name its importer
gives that buyer as the shop holds it after the merge (buyers merge by what the
rows say, importers/freshness.py); a member whose earliest buyer came from
another file keeps the name it had. The member's e-mail and phone are those of
its earliest buyer that has a readable one (`contact_email`, `contact_phone`:
the same rule when a member is made), as the shop holds the buyers after the
import; every member an import touches takes them again. So importing A then B
gives everyone as B then A does.
"""

from __future__ import annotations

from shopkeeper.db.merge import MergeCount
from shopkeeper.importers.context import ImportContext, q


def contact_email(expr: str) -> str:
    """SQL: the e-mail as a member's contact, NULL when it is blank, masked or cipher text."""
    return f"CASE WHEN sk_email_key({expr}) IS NOT NULL THEN {expr} END"


def contact_phone(expr: str) -> str:
    """SQL: the phone as a member's contact, NULL unless written out in full (domain/identity.py): a member
    never carries a masked phone, which would match nobody and reads as a number it is not."""
    return f"CASE WHEN sk_plain_phone_key({expr}) IS NOT NULL THEN {expr} END"


# Sorts after every real first sighting: a buyer with none is never earlier than one with a date.
_NEVER = "TIMESTAMPTZ '9999-12-31 00:00:00+00'"


def name_members(ctx: ImportContext, matched: str, candidate: str) -> MergeCount:
    """Rename the members of the buyers in `matched` (shop_id, buyer_id, found_member, new_member) after
    their earliest buyer, and give them their buyers' contacts (see the module docstring). Run once the
    buyers are written: `candidate`, SQL for a buyer's name as a member name, reads the buyer as the shop
    now holds it (alias b, the merged values, the same whichever file came first) and `matched` (alias m)."""
    ctx.create("_sk_member_names", f"""
        WITH staged AS (
            SELECT m.shop_id || chr(31) || m.buyer_id AS buyer_key, b.member_id, {candidate} AS display_name
            FROM {q(matched)} m JOIN buyers b ON b.shop_id = m.shop_id AND b.buyer_id = m.buyer_id
        ),
        earliest AS (
            -- One pass over the members' buyers: the earliest one, and the earliest readable contacts.
            SELECT member_id,
                   arg_min(shop_id || chr(31) || buyer_id, (coalesce(first_seen, {_NEVER}), shop_id, buyer_id))
                       AS buyer_key,
                   min(first_seen) AS joined_at,
                   arg_min({contact_email('email')}, (coalesce(first_seen, {_NEVER}), shop_id, buyer_id))
                       FILTER (WHERE {contact_email('email')} IS NOT NULL) AS email,
                   arg_min({contact_phone('phone')}, (coalesce(first_seen, {_NEVER}), shop_id, buyer_id))
                       FILTER (WHERE {contact_phone('phone')} IS NOT NULL) AS phone
            FROM buyers WHERE member_id IN (SELECT member_id FROM staged) GROUP BY member_id
        )
        -- NULL keeps what the member has (db/merge.py): a name and join date only where the earliest
        -- buyer was staged; contacts only where some buyer has one.
        SELECT e.member_id, s.display_name, CASE WHEN s.display_name IS NOT NULL THEN e.joined_at END AS joined_at,
               e.email, e.phone
        FROM earliest e LEFT JOIN staged s ON s.member_id = e.member_id AND s.buyer_key = e.buyer_key
        WHERE s.display_name IS NOT NULL OR e.email IS NOT NULL OR e.phone IS NOT NULL
    """)
    return ctx.upsert("members", "_sk_member_names")
