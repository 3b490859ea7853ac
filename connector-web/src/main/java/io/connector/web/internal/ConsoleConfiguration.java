package io.connector.web.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Connector web console",
        description = "Login, sessions, metrics and health of the web console at /connector/")
public @interface ConsoleConfiguration {

    String PID = "io.connector.web";

    @AttributeDefinition(name = "JAAS realm", description = "The realm users log in to; Karaf's shell uses karaf")
    String realm() default "karaf";

    @AttributeDefinition(name = "Session idle minutes", description = "A page left alone this long asks to log in again",
            min = "1", max = "1440")
    int session_idle_minutes() default 30;

    @AttributeDefinition(name = "Anonymous health", description = "Whether /connector/health answers without a login "
            + "(it tells only what works and what not), for load balancers and probes")
    boolean health_anonymous() default true;

    @AttributeDefinition(name = "Anonymous metrics", description = "Whether /connector/metrics answers without a login; "
            + "otherwise Prometheus logs in with basic auth as a viewer")
    boolean metrics_anonymous() default false;

    @AttributeDefinition(name = "Failed jobs before unhealthy", description = "Health turns 503 when more jobs than this "
            + "are failed (they wait for an operator); 0 or less: failed jobs never make it unhealthy", min = "0")
    int health_failed_jobs_max() default 100;

    @AttributeDefinition(name = "Queue counts cache seconds", description = "How long the metrics and the page reuse the "
            + "job counts read from the database", min = "0", max = "300")
    int counts_cache_seconds() default 5;
}
