package io.connector.magento.v20.client;

/** A filter's {@code condition_type}, as Magento names it. */
public enum Condition {
    EQ("eq"),
    NEQ("neq"),
    /** A collection's values are joined with commas. */
    IN("in"),
    NIN("nin"),
    /** SQL's LIKE: {@code %} matches any text. */
    LIKE("like"),
    /** At least, for dates above all ({@code >=}). */
    FROM("from"),
    /** At most, for dates above all ({@code <=}). */
    TO("to"),
    GT("gt"),
    GTEQ("gteq"),
    LT("lt"),
    LTEQ("lteq"),
    /** Takes no value. */
    NULL("null"),
    /** Takes no value. */
    NOTNULL("notnull"),
    /** The value is one of a comma-separated field's (FIND_IN_SET). */
    FINSET("finset");

    private final String wireName;

    Condition(String wireName) {
        this.wireName = wireName;
    }

    /** The name Magento reads. */
    public String wireName() {
        return wireName;
    }

    /** Whether a filter with it compares with a value: all but {@link #NULL} and {@link #NOTNULL}. */
    public boolean takesValue() {
        return this != NULL && this != NOTNULL;
    }
}
