-- local placeholder, never committed: lets wt-codes run 0006 before 0003-0005 land
SELECT 1;
