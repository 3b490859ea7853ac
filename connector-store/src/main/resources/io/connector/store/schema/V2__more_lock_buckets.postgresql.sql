-- 65,536 lock rows instead of 4,096: a chunk import holds the locks of all its records until it
-- commits, so four workers with chunks of 50 hold up to 200 rows at once, and with 4,096 rows one
-- record in twenty met a row another chunk held (and was imported again alone). Every node must
-- run a store of this version: an older one spreads keys over the first 4,096 rows only.
INSERT INTO "connector_lock" ("bucket") SELECT x FROM generate_series(4096, 65535) AS x
    WHERE NOT EXISTS (SELECT 1 FROM "connector_lock" WHERE "bucket" = 4096);
