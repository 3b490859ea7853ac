package io.connector.api.job;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Jobs with dependencies: a job waits until every job it depends on is done. */
@ProviderType
public interface JobGraph extends JobStep {

    /** Delays every job of the graph, in one transaction; returns their uuids in the order given. */
    List<String> delay();
}
