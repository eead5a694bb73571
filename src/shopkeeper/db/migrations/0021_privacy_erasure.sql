-- Erasures of personal data (issue 14.3) are written to the same log as reveals:
-- what = 'purge' (everyone with no order since `cutoff`), 'erase' (one member, on
-- request), 'retention' (the automatic purge's setting changed). `people` is how
-- many persons' data was erased; a purge is no change set and cannot be undone.
ALTER TABLE privacy_log ADD COLUMN people INTEGER;
ALTER TABLE privacy_log ADD COLUMN cutoff TIMESTAMPTZ;
ALTER TABLE privacy_log ADD COLUMN days INTEGER;           -- the purge's window, or the retention period set
