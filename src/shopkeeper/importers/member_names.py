"""A member's name and join date, the same whichever file came first.

A person may reach the shop through several buyer accounts, imported in any
order. The member is named by its earliest buyer (first seen first; ties by
shop and buyer id) and joined when that buyer was first seen. Each import
renames the members whose earliest buyer it staged, with the name its importer
gives that buyer; a member whose earliest buyer came from another file keeps
the name that file gave it. So importing A then B names everyone as B then A.
"""

from __future__ import annotations

from shopkeeper.db.merge import MergeCount
from shopkeeper.importers.context import ImportContext, q

# Sorts after every real first sighting: a buyer with none is never earlier than one with a date.
_NEVER = "TIMESTAMPTZ '9999-12-31 00:00:00+00'"


def name_members(ctx: ImportContext, matched: str, candidate: str) -> MergeCount:
    """Rename the members of the buyers in `matched` (shop_id, buyer_id, found_member, new_member and
    what `candidate`, SQL for the buyer's name as a member name, reads) after their earliest buyer."""
    ctx.create("_sk_member_names", f"""
        WITH staged AS (
            SELECT shop_id || chr(31) || buyer_id AS buyer_key, coalesce(found_member, new_member) AS member_id,
                   {candidate} AS display_name
            FROM {q(matched)}
        ),
        earliest AS (
            SELECT member_id,
                   arg_min(shop_id || chr(31) || buyer_id, (coalesce(first_seen, {_NEVER}), shop_id, buyer_id))
                       AS buyer_key,
                   min(first_seen) AS joined_at
            FROM buyers WHERE member_id IN (SELECT member_id FROM staged) GROUP BY member_id
        )
        SELECT e.member_id, s.display_name, e.joined_at
        FROM earliest e JOIN staged s ON s.member_id = e.member_id AND s.buyer_key = e.buyer_key
        WHERE s.display_name IS NOT NULL
    """)
    return ctx.upsert("members", "_sk_member_names")
