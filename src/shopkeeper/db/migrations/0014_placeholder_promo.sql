-- Placeholder so wt-promo's 0016 applies in order; the lead drops it at merge (the real 0014 is another branch's).
SELECT 1;
