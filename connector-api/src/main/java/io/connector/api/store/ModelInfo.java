package io.connector.api.store;

import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** A model as declared by the installed bundles. */
@ProviderType
public interface ModelInfo {

    /** E.g. {@code res.partner}, {@code magento.res.partner}. */
    String name();

    String description();

    /** Its fields by name, with those added by extensions; not {@code id}. */
    Map<String, FieldInfo> fields();

    /** For a binding model, the local model it binds (e.g. {@code res.partner}). */
    Optional<String> bindingOf();

    /** The bundles that declared or extended it. */
    java.util.List<String> declaredBy();
}
