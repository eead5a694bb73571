-- One member per person (issue 10.1) and privacy by default (10.6).
--
-- The seller's own decisions about who is the same person. Every later import
-- applies them when it matches buyers to members (importers/canonical.py), so a
-- merge or a split outlives the files that come after it. Rows carry the change
-- set that made them: undoing the merge or split removes its decision with it.
--   'merge'    member b was folded into member a
--   'split'    the buyer b (shop_id, chr(31), buyer_id) belongs to member a
--   'not_same' members a and b are different people: never suggest them again
CREATE TABLE member_decisions (
    kind       VARCHAR NOT NULL,
    a          VARCHAR NOT NULL,
    b          VARCHAR NOT NULL,
    decided_at TIMESTAMPTZ NOT NULL,
    batch_id   BIGINT
);

-- Each time the seller revealed masked personal data: when, by whom, what and where.
-- Not part of any change set: undoing an edit does not unsee what was seen.
CREATE TABLE privacy_log (
    revealed_at TIMESTAMPTZ NOT NULL,
    who         VARCHAR,
    what        VARCHAR NOT NULL,            -- 'contacts': e-mails, phones and addresses
    place       VARCHAR NOT NULL,            -- 'members_tab', 'report members', ...
    member_id   VARCHAR                      -- one member, or NULL for the whole view
);
