-- Balance ledgers (支付宝账务明细, 有赞对账单 ...) state the account's balance after every row. Kept,
-- it tells which movements a 提现 carried (those since the previous 提现 of the account), what the
-- account held before them, and where a month or a row is missing (previous balance + amount ≠
-- this balance). `account` names which of the shop's balances a row moved where a ledger keeps
-- several (抖店 动账账户: 微信 / 支付宝 / 聚合支付; 有赞 变动账户类型); NULL: the ledger's only one.
ALTER TABLE money_movements ADD COLUMN balance DECIMAL(18,2);
ALTER TABLE money_movements ADD COLUMN account VARCHAR;
ALTER TABLE money_movements_prior ADD COLUMN balance DECIMAL(18,2);
ALTER TABLE money_movements_prior ADD COLUMN account VARCHAR;
