-- The backends each node has (its backend records whose backend is installed), as its runner
-- publishes them: a node does not claim the jobs of a backend that only other nodes have, which
-- it could not run. A node's rows stay while it is down (its backends' jobs wait for it, or for
-- another node that has them) and change when its backends do. "seen_at": the node's last
-- heartbeat, for operators.
CREATE TABLE IF NOT EXISTS "connector_node_backend" (
    "node" VARCHAR(100) NOT NULL,
    "backend_id" VARCHAR(64) NOT NULL,
    "seen_at" TIMESTAMP NOT NULL,
    PRIMARY KEY ("node", "backend_id")
);
