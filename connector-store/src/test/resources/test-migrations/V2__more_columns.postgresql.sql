ALTER TABLE "migration_probe" ADD COLUMN "note" VARCHAR(20);
INSERT INTO "migration_probe" ("id", "note") VALUES (1, 'postgresql');
