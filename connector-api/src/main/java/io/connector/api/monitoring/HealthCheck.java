package io.connector.api.monitoring;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One thing the connector needs to work, checked when someone asks for its health (the web
 * console's {@code /connector/health}, a load balancer, a monitoring probe). A whiteboard
 * service: each bundle registers the checks of what it owns; its {@link #NAME} property names it
 * in the answer. A check answers fast (a short query at most) and never throws: what went wrong
 * is its problem.
 */
@ConsumerType
public interface HealthCheck {

    /** The service property naming the check, e.g. {@code database}. */
    String NAME = "connector.health.check";

    /** What a check found: healthy or not, and in either case one sentence an operator understands. */
    record Result(boolean healthy, String message) {

        public static Result healthy(String message) {
            return new Result(true, message);
        }

        public static Result unhealthy(String message) {
            return new Result(false, message);
        }

        /** Healthy when every result is; their messages joined. */
        public static Result all(List<Result> results) {
            boolean healthy = results.stream().allMatch(Result::healthy);
            return new Result(healthy, String.join("; ", results.stream().filter(r -> r.healthy() == healthy)
                    .map(Result::message).toList()));
        }
    }

    Result check();
}
