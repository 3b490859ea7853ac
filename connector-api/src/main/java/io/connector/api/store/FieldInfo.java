package io.connector.api.store;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** A field of a model. */
@ProviderType
public interface FieldInfo {

    /** The field types a model can declare. */
    interface Types {
        String TEXT = "text";
        String INTEGER = "integer";
        String DECIMAL = "decimal";
        String BOOLEAN = "boolean";
        String DATE = "date";
        String DATETIME = "datetime";
        String SELECTION = "selection";
        String MANY2ONE = "many2one";
        String ONE2MANY = "one2many";
        String MANY2MANY = "many2many";
        /** Bytes (a product's image); a {@code byte[]}, or Base64 text, when written. */
        String BINARY = "binary";
    }

    String name();

    /** One of {@link Types}. */
    String type();

    String label();

    boolean required();

    /** For relations: the related model. */
    Optional<String> relation();

    /** For one-to-many: the many-to-one field of the related model that points back. */
    Optional<String> inverse();

    /** For selections: the allowed values. */
    List<String> selection();

    /** The bundle that declared it. */
    String declaredBy();
}
