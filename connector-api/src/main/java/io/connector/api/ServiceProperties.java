package io.connector.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Names of the service properties that place a connector unit or a backend declaration.
 * {@link UnitFor} and {@link DeclareBackend} write them for DS components; a unit registered by
 * hand sets them itself.
 */
@ProviderType
public interface ServiceProperties {

    /** The system a backend talks to, e.g. {@code magento}. */
    String SERVICE = "service";

    /** The backend version, e.g. {@code 1.7}; absent or empty for a service's root backend. */
    String VERSION = "version";

    /** Of a backend declaration: the parent backend's name, e.g. {@code magento} or {@code magento/1.7}. */
    String PARENT = "parent";

    /** Of a backend declaration: a line shown to operators. */
    String DESCRIPTION = "description";

    /** The model or models a unit works on, e.g. {@code magento.res.partner}. */
    String MODEL = "model";

    /**
     * The component names (by default the implementation class names) of the units, registered
     * on the same backend, that this unit replaces.
     */
    String REPLACING = "replacing";

    /** The standard OSGi ranking: among otherwise equal candidates the highest wins. */
    String RANKING = "service.ranking";
}
