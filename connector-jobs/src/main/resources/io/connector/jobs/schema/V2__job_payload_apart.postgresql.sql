-- A job's state changes (claim, end, retry, lease) rewrote its whole row, with every index of
-- the table (an update that changes an indexed column, as the state does, adds an entry to each
-- index). What a state change never changes moves to a table of its own, written when the job
-- is delayed and again only with its result or error: the uuid, the arguments, the description,
-- the identity key, the result and the error. The lease and backend indexes go: the reaper finds
-- running jobs through the running index, and a backend's jobs are counted by state or end time
-- first. One transaction: PostgreSQL's DDL is transactional.
CREATE TABLE "connector_job_payload" (
    "job_id" BIGINT PRIMARY KEY REFERENCES "connector_job" ("id") ON DELETE CASCADE,
    "uuid" VARCHAR(36) NOT NULL,
    "args" VARCHAR NOT NULL,
    "description" VARCHAR(500),
    "identity_key" VARCHAR(400),
    "result" VARCHAR,
    "error_class" VARCHAR(300),
    "error_message" VARCHAR,
    "error_trace" VARCHAR
);
INSERT INTO "connector_job_payload" ("job_id", "uuid", "args", "description", "identity_key", "result", "error_class",
    "error_message", "error_trace")
    SELECT "id", "uuid", "args", "description", "identity_key", "result", "error_class", "error_message", "error_trace"
    FROM "connector_job";
CREATE UNIQUE INDEX "ux_connector_job_payload_uuid" ON "connector_job_payload" ("uuid");
DROP INDEX IF EXISTS "ux_connector_job_uuid";
DROP INDEX IF EXISTS "ix_connector_job_lease";
DROP INDEX IF EXISTS "ix_connector_job_backend";
ALTER TABLE "connector_job" DROP COLUMN "uuid", DROP COLUMN "args", DROP COLUMN "description", DROP COLUMN "identity_key",
    DROP COLUMN "result", DROP COLUMN "error_class", DROP COLUMN "error_message", DROP COLUMN "error_trace";
