-- No IF NOT EXISTS on purpose: applied twice, it fails.
CREATE TABLE "migration_probe" ("id" INT PRIMARY KEY);
