-- Checks before a campaign starts, its checklist (issue 11 items 3 and 4).
--
-- promotion_settings: the seller's settings of the checks (domain/campaign_checks.py):
-- 'min_margin_pct' (default 10) and 'fee_pct.<platform>' (the platform's fees as a % of the price;
-- none: the fees are unknown and the check says so). A missing row means the default. Saved as an
-- edit change set, so a save is one Edit › Undo step.
CREATE TABLE promotion_settings (
    key      VARCHAR PRIMARY KEY,
    value    VARCHAR NOT NULL,
    batch_id BIGINT
);

-- The checklist template every new campaign's tasks are made from; the seller edits its titles and
-- days. A row without a title is one of the shipped tasks, worded by its key in the seller's language.
CREATE TABLE campaign_task_templates (
    task_key    VARCHAR PRIMARY KEY,
    title       VARCHAR,
    days_before INTEGER NOT NULL,  -- due this many days before the campaign starts
    position    INTEGER NOT NULL,
    batch_id    BIGINT
);
INSERT INTO campaign_task_templates (task_key, days_before, position) VALUES
    ('signup', 21, 1), ('stock', 21, 2), ('visuals', 10, 3), ('copy', 7, 4),
    ('listing', 5, 5), ('cs_scripts', 3, 6), ('logistics', 2, 7);

-- A campaign's tasks, made from the template when it is planned; due dates follow its start date.
-- task_id is '<promotion_id>:<task_key>'; ticking one off is an edit (done), one undo step.
CREATE TABLE campaign_tasks (
    task_id      VARCHAR PRIMARY KEY,
    promotion_id BIGINT NOT NULL,
    task_key     VARCHAR NOT NULL,
    title        VARCHAR,
    days_before  INTEGER NOT NULL,
    position     INTEGER NOT NULL,
    due_on       DATE NOT NULL,
    done         BOOLEAN NOT NULL DEFAULT FALSE,
    batch_id     BIGINT
);

CREATE TABLE promotion_settings_prior      AS SELECT *, 0::BIGINT AS undo_batch_id FROM promotion_settings      LIMIT 0;
CREATE TABLE campaign_task_templates_prior AS SELECT *, 0::BIGINT AS undo_batch_id FROM campaign_task_templates LIMIT 0;
CREATE TABLE campaign_tasks_prior          AS SELECT *, 0::BIGINT AS undo_batch_id FROM campaign_tasks          LIMIT 0;
