-- Locks a synchronization takes on the records it works on, for the length of its transaction:
-- a key's hash picks one of these rows, locked with FOR UPDATE SKIP LOCKED. A fixed set of rows keeps
-- the table small and needs no insert (and no wait) to lock; two keys sharing a row only make one
-- of them try again later. "IF NOT EXISTS" and the guarded insert: the core's V2 created this
-- table before the store had its own bundle.
CREATE TABLE IF NOT EXISTS "connector_lock" ("bucket" INT PRIMARY KEY);
INSERT INTO "connector_lock" ("bucket") SELECT CAST(X AS INT) FROM SYSTEM_RANGE(0, 4095)
    WHERE NOT EXISTS (SELECT 1 FROM "connector_lock");
