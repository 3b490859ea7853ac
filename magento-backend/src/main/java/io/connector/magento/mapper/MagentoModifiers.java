package io.connector.magento.mapper;

import io.connector.api.unit.MappingException;
import io.connector.core.mapper.MapContext;
import io.connector.core.mapper.Modifier;
import io.connector.core.sync.RemoteDates;

/** Conversions Magento's records need on import. */
public final class MagentoModifiers {

    private MagentoModifiers() {
    }

    /** A Magento date (naive UTC, ISO 8601 with an offset, or "0000-00-00 00:00:00") as a UTC date-time. */
    public static Modifier utcDate(String field) {
        return new Modifier() {
            @Override
            public Object apply(MapContext context, String target) {
                try {
                    return RemoteDates.utc(context.get(field));
                } catch (IllegalArgumentException e) {
                    throw new MappingException(field + ": " + e.getMessage());
                }
            }

            @Override
            public String sourceField() {
                return field;
            }
        };
    }
}
