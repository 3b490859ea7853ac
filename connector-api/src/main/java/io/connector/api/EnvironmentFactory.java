package io.connector.api;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/** Opens environments; the connector core registers it as a service. */
@ProviderType
public interface EnvironmentFactory {

    Environment open(BackendRecord backendRecord, String model);

    Environment open(BackendRecord backendRecord, String model, Map<String, Object> attributes);
}
