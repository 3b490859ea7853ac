-- Locks a synchronization takes on the records it works on, for the length of its transaction:
-- a key's hash picks one of these rows, locked with FOR UPDATE NOWAIT. A fixed set of rows keeps
-- the table small and needs no insert (and no wait) to lock; two keys sharing a row only make one
-- of them try again later.
CREATE TABLE "connector_lock" ("bucket" INT PRIMARY KEY);
INSERT INTO "connector_lock" ("bucket") SELECT CAST(X AS INT) FROM SYSTEM_RANGE(0, 4095);
