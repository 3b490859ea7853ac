package io.connector.api.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A search: conditions joined by "and"; {@link #or()} starts another group, the groups being
 * joined by "or"; {@link #where(Consumer)} nests a group as one condition.
 *
 * <pre>
 * session.query("res.partner").where("active", "=", true)
 *        .where(q -&gt; q.where("email", "=", email).or().where("name", "ilike", "john%"))
 *        .order("name").limit(10).ids();
 * </pre>
 *
 * Operators: {@code = != < <= > >= in not in like ilike}; {@code = null} and {@code != null} test for
 * no value. A field of a related record is reached with a dot: {@code parent_id.name}.
 */
@ProviderType
public interface Query {

    Query where(String field, String operator, Object value);

    Query where(Consumer<Query> group);

    /** Ends the current "and" group; what follows is an alternative to it. */
    Query or();

    /** E.g. {@code "name"}, {@code "write_date desc, id"}. Default: by id. */
    Query order(String order);

    Query limit(int limit);

    Query offset(int offset);

    List<Long> ids();

    Optional<Long> first();

    long count();

    /** The given fields (all when none) of the matching records. */
    List<Map<String, Object>> read(String... fields);
}
