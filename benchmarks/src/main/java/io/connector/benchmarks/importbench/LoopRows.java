package io.connector.benchmarks.importbench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.connector.core.sync.RemoteDates;
import io.connector.store.spi.Sql;

/**
 * The rows of one chunk, written by hand with plain JDBC in one transaction on the caller's
 * connection: per record a savepoint, the record lock (a row of {@code connector_lock}, as the
 * store takes it), the binding lookup, for a customer the partner lookup by e-mail, then the
 * partner or product row, its binding row, its category rows and a customer's addresses. The same
 * tables, columns and values as the import writes, and nothing it does not need: no model checks,
 * no relation checks, no events.
 */
final class LoopRows {

    /**
     * A customer as the chunk read it: {@code customer.info} and its addresses as {@code customer_address.list} answers them,
     * or Magento 2's customer and its embedded addresses in those names ({@link RestLoopShop}).
     */
    record Customer(String id, Map<String, Object> info, List<Map<String, Object>> addresses) {
    }

    /**
     * What a chunk's transaction did: records written, partner or product rows inserted, records
     * not stored (configurable, bundle and grouped products), those another thread's chunk held
     * the lock of, and those refused (bundle and grouped products: the import gives a failed record
     * a job of its own, which reads it again).
     */
    record Written(long records, long rows, long skipped, List<String> locked, List<String> refused) {
    }

    private static final Map<String, String> PRODUCT_TYPES = Map.of("simple", "product", "virtual", "service", "downloadable", "service");

    private final String backendId;

    LoopRows(String backendId) {
        this.backendId = backendId;
    }

    Written customers(Connection c, List<Customer> chunk) throws SQLException {
        Map<String, Long> websites = bindings(c, "magento_website", "id");
        Map<String, Long> groups = bindings(c, "magento_res_partner_category", "id");
        Map<String, Long> groupCategories = bindings(c, "magento_res_partner_category", "record_id");
        long records = 0;
        long rows = 0;
        List<String> locked = new ArrayList<>();
        List<Customer> held = held(c, chunk, locked);
        // Then each record in a savepoint, as the import does once a record failed after writing.
        try (Statements s = new Statements(c)) {
            for (Customer customer : held) {
                Savepoint savepoint = c.setSavepoint();
                rows += customer(s, customer, websites, groups, groupCategories);
                c.releaseSavepoint(savepoint);
                records++;
            }
        }
        c.commit();
        return new Written(records, rows, 0, locked, List.of());
    }

    /**
     * As the import: the chunk's locks in one statement, then the bindings of those it holds and
     * the partners of their e-mails in one lookup each (none of either: the store must be empty).
     * The customers it holds; those another chunk holds are added to {@code locked}.
     */
    private List<Customer> held(Connection c, List<Customer> chunk, List<String> locked) throws SQLException {
        List<Customer> held = new ArrayList<>();
        java.util.Set<Integer> buckets = lockAll(c, chunk.stream().map(customer -> "import magento.res.partner " + backendId + " "
                + customer.id()).toList());
        for (Customer customer : chunk) {
            if (buckets.contains(bucket("import magento.res.partner " + backendId + " " + customer.id()))) {
                held.add(customer);
            } else {
                locked.add(customer.id());
            }
        }
        if (!externalIdsBound(c, "magento_res_partner", held.stream().map(Customer::id).toList()).isEmpty()) {
            throw new IllegalStateException("Customers of the chunk are bound already: the loop needs an empty store");
        }
        if (!partnersByEmail(c, held.stream().map(customer -> customer.info().get("email")).filter(LoopRows::hasText)
                .map(Object::toString).toList()).isEmpty()) {
            throw new IllegalStateException("Partners have the e-mails of the chunk's customers: the loop writes new partners only");
        }
        return held;
    }

    /** The buckets of {@code keys} this transaction now holds, in one statement, as the store's tryLockAll. */
    private static java.util.Set<Integer> lockAll(Connection c, List<String> keys) throws SQLException {
        List<Integer> buckets = keys.stream().map(LoopRows::bucket).distinct().toList();
        java.util.Set<Integer> held = new java.util.HashSet<>();
        if (buckets.isEmpty()) {
            return held;
        }
        for (Object bucket : firstColumn(c, "SELECT \"bucket\" FROM \"connector_lock\" WHERE \"bucket\" IN ("
                + Sql.marks(buckets.size()) + ") FOR UPDATE SKIP LOCKED", buckets)) {
            held.add(((Number) bucket).intValue());
        }
        return held;
    }

    private static int bucket(String key) {
        return Math.floorMod(fnv1a(key), 65536);
    }

    /** Those of the external ids bound in a binding table, in one lookup. */
    private List<Object> externalIdsBound(Connection c, String table, List<String> externalIds) throws SQLException {
        if (externalIds.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(List.of(backendId));
        params.addAll(externalIds);
        return firstColumn(c, "SELECT \"external_id\" FROM \"" + table + "\" WHERE \"backend_id\" = ? AND \"external_id\" IN ("
                + Sql.marks(externalIds.size()) + ")", params);
    }

    /** The partners without a parent that have one of the e-mails, in one lookup. */
    private static List<Object> partnersByEmail(Connection c, List<String> emails) throws SQLException {
        if (emails.isEmpty()) {
            return List.of();
        }
        return firstColumn(c, "SELECT \"id\" FROM \"res_partner\" WHERE \"email\" IN (" + Sql.marks(emails.size())
                + ") AND \"parent_id\" IS NULL", emails);
    }

    /** The first column of a query's rows, {@code params} bound in order. */
    private static List<Object> firstColumn(Connection c, String sql, List<?> params) throws SQLException {
        List<Object> values = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(sql)) {
            Sql.bind(q, params);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    values.add(r.getObject(1));
                }
            }
        }
        return values;
    }

    /**
     * A ceiling for the customers, on PostgreSQL: what no import of one record at a time can do.
     * The chunk's locks, bindings and e-mails in one statement each, as {@link #customers}; then
     * the ids of all its rows taken from the tables' sequences first, every row sent in one JDBC
     * batch a table, and no savepoint at all: a record that fails cannot be rolled back alone.
     */
    Written customersBatched(Connection c, List<Customer> chunk) throws SQLException {
        Map<String, Long> websites = bindings(c, "magento_website", "id");
        Map<String, Long> groups = bindings(c, "magento_res_partner_category", "id");
        Map<String, Long> groupCategories = bindings(c, "magento_res_partner_category", "record_id");
        List<String> locked = new ArrayList<>();
        List<Customer> mine = held(c, chunk, locked);
        int partnerCount = 0;
        int addressCount = 0;
        for (Customer customer : mine) {
            partnerCount += 1 + customer.addresses().size();
            addressCount += customer.addresses().size();
        }
        Map<String, java.util.ArrayDeque<Long>> ids = Map.of("res_partner", ids(c, "res_partner", partnerCount),
                "magento_res_partner", ids(c, "magento_res_partner", mine.size()), "magento_address", ids(c, "magento_address",
                        addressCount));
        long rows = 0;
        Batches b = new Batches(c, ids);
        for (Customer customer : mine) {
            rows += customer(b, customer, websites, groups, groupCategories);
        }
        b.flush(List.of("res_partner", "magento_res_partner", "res_partner__category_ids", "magento_address"));
        c.commit();
        return new Written(mine.size(), rows, 0, locked, List.of());
    }

    private static java.util.ArrayDeque<Long> ids(Connection c, String table, int count) throws SQLException {
        java.util.ArrayDeque<Long> ids = new java.util.ArrayDeque<>();
        if (count == 0) {
            return ids;
        }
        try (PreparedStatement q = c.prepareStatement("SELECT nextval(pg_get_serial_sequence(?, 'id')) FROM generate_series(1, ?)")) {
            q.setString(1, "\"" + table + "\"");
            q.setInt(2, count);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
        }
        return ids;
    }

    /** Where a customer's rows go: inserted one by one ({@link Statements}) or gathered into batches ({@link Batches}). */
    private interface Rows {
        /** Writes a row; its id. */
        long insert(String table, LocalDateTime now, Map<String, Object> values) throws SQLException;

        void relation(String table, long source, long target) throws SQLException;
    }

    /**
     * Rows gathered per table, each with an id taken from those allocated before, every row with
     * all the table's columns seen, sent as one batch a table by {@link #flush}.
     */
    private static final class Batches implements Rows {
        private final Connection c;
        private final Map<String, java.util.ArrayDeque<Long>> ids;
        private final Map<String, List<Map<String, Object>>> rows = new HashMap<>();

        Batches(Connection c, Map<String, java.util.ArrayDeque<Long>> ids) {
            this.c = c;
            this.ids = ids;
        }

        @Override
        public long insert(String table, LocalDateTime now, Map<String, Object> values) {
            long id = ids.get(table).pop();
            Map<String, Object> row = new HashMap<>(values);
            row.put("id", id);
            row.put("create_date", now);
            row.put("write_date", now);
            rows.computeIfAbsent(table, t -> new ArrayList<>()).add(row);
            return id;
        }

        @Override
        public void relation(String table, long source, long target) {
            rows.computeIfAbsent(table, t -> new ArrayList<>()).add(Map.of("source_id", source, "target_id", target));
        }

        void flush(List<String> order) throws SQLException {
            for (String table : order) {
                List<Map<String, Object>> all = rows.getOrDefault(table, List.of());
                if (all.isEmpty()) {
                    continue;
                }
                java.util.TreeSet<String> columns = new java.util.TreeSet<>();
                all.forEach(r -> columns.addAll(r.keySet()));
                List<String> names = new ArrayList<>(columns);
                String sql = "INSERT INTO \"" + table + "\" (" + names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "))
                        + ") VALUES (" + Sql.marks(names.size()) + ")";
                try (PreparedStatement insert = c.prepareStatement(sql)) {
                    for (Map<String, Object> row : all) {
                        for (int i = 0; i < names.size(); i++) {
                            insert.setObject(i + 1, row.get(names.get(i)));
                        }
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
        }
    }

    /**
     * One customer: its partner (merged with its default billing address, or a company), its binding, its addresses;
     * answers the partner rows it inserted.
     */
    private int customer(Rows s, Customer customer, Map<String, Long> websites, Map<String, Long> groups,
            Map<String, Long> groupCategories) throws SQLException {
        Map<String, Object> info = customer.info();
        Map<String, Object> billing = customer.addresses().stream().filter(a -> truthy(a.get("is_default_billing"))).findFirst()
                .orElse(null);
        boolean company = billing != null && hasText(billing.get("company"));
        LocalDateTime now = Sql.now();
        Object email = info.get("email");
        Map<String, Object> partner = new HashMap<>();
        partner.put("name", company ? billing.get("company").toString().trim() : personName(info));
        partner.put("type", "contact");
        partner.put("is_company", company);
        partner.put("email", email);
        partner.put("birthday", date(info.get("dob")));
        partner.put("vat", info.get("taxvat"));
        partner.put("active", true);
        if (billing != null && !company) {
            partner.putAll(addressFields(billing));
        }
        long partnerId = s.insert("res_partner", now, partner);
        Map<String, Object> binding = new HashMap<>();
        binding.put("backend_id", backendId);
        binding.put("external_id", customer.id());
        binding.put("record_id", partnerId);
        binding.put("sync_date", now);
        binding.put("website_id", websites.get(String.valueOf(info.get("website_id"))));
        binding.put("group_id", groups.get(String.valueOf(info.get("group_id"))));
        binding.put("created_at", RemoteDates.utc(info.get("created_at")));
        binding.put("updated_at", RemoteDates.utc(info.get("updated_at")));
        long bindingId = s.insert("magento_res_partner", now, binding);
        int partners = 1;
        Long category = groupCategories.get(String.valueOf(info.get("group_id")));
        if (category != null) {
            s.relation("res_partner__category_ids", partnerId, category);
        }
        for (Map<String, Object> address : customer.addresses()) {
            boolean merge = !company && address == billing;
            long recordId = partnerId;
            if (!merge) {
                Map<String, Object> child = new HashMap<>(addressFields(address));
                String person = personName(address);
                child.put("name", person.isEmpty() ? address.get("company") : person);
                child.put("parent_id", partnerId);
                child.put("type", truthy(address.get("is_default_billing")) ? "invoice"
                        : truthy(address.get("is_default_shipping")) ? "delivery" : "contact");
                child.put("is_company", false);
                child.put("active", true);
                recordId = s.insert("res_partner", now, child);
                partners++;
            }
            Map<String, Object> addressBinding = new HashMap<>();
            addressBinding.put("backend_id", backendId);
            addressBinding.put("external_id", String.valueOf(address.get("customer_address_id")));
            addressBinding.put("record_id", recordId);
            addressBinding.put("sync_date", now);
            addressBinding.put("magento_partner_id", bindingId);
            addressBinding.put("is_default_billing", truthy(address.get("is_default_billing")));
            addressBinding.put("is_default_shipping", truthy(address.get("is_default_shipping")));
            addressBinding.put("created_at", RemoteDates.utc(address.get("created_at")));
            addressBinding.put("updated_at", RemoteDates.utc(address.get("updated_at")));
            s.insert("magento_address", now, addressBinding);
        }
        return partners;
    }

    Written products(Connection c, List<Map<String, Object>> chunk) throws SQLException {
        List<String> wanted = chunk.stream().flatMap(p -> categoryIds(p).stream()).distinct().toList();
        Map<String, Long> categories = categories(c, wanted);
        long records = 0;
        long rows = 0;
        long skipped = 0;
        List<String> locked = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        // As the import: the chunk's locks in one statement, the bindings of those it holds in one lookup.
        List<String> ids = chunk.stream().map(p -> String.valueOf(p.get("product_id"))).toList();
        java.util.Set<Integer> buckets = lockAll(c, ids.stream().map(id -> "import magento.product.product " + backendId + " " + id)
                .toList());
        List<String> held = ids.stream().filter(id -> buckets.contains(bucket("import magento.product.product " + backendId + " " + id)))
                .toList();
        if (!externalIdsBound(c, "magento_product_product", held).isEmpty()) {
            throw new IllegalStateException("Products of the chunk are bound already: the loop needs an empty store");
        }
        try (Statements s = new Statements(c)) {
            for (Map<String, Object> product : chunk) {
                String id = String.valueOf(product.get("product_id"));
                String type = PRODUCT_TYPES.get(String.valueOf(product.get("type_id")));
                List<Long> categoryIds = categoryIds(product).stream().map(categories::get).toList();
                // Configurable products are skipped, bundle and grouped ones refused, as the import does.
                if (type == null || categoryIds.contains(null)) {
                    skipped++;
                    if (!"configurable".equals(product.get("type_id"))) {
                        refused.add(id);
                    }
                    continue;
                }
                if (!held.contains(id)) {
                    locked.add(id);
                    continue;
                }
                Savepoint savepoint = c.setSavepoint();
                LocalDateTime now = Sql.now();
                Map<String, Object> values = new HashMap<>();
                values.put("sku", product.get("sku"));
                values.put("name", product.get("name"));
                values.put("type", type);
                values.put("price", decimal(product.get("price")));
                values.put("cost", decimal(product.get("cost")));
                values.put("weight", decimal(product.get("weight")));
                values.put("description", product.get("description"));
                values.put("active", !"2".equals(String.valueOf(product.get("status"))));
                long productId = s.insert("product_product", now, values);
                Map<String, Object> binding = new HashMap<>();
                binding.put("backend_id", backendId);
                binding.put("external_id", id);
                binding.put("record_id", productId);
                binding.put("sync_date", now);
                binding.put("product_type", product.get("type_id"));
                binding.put("website_ids", product.get("websites") instanceof List<?> w && !w.isEmpty()
                        ? w.stream().map(String::valueOf).collect(Collectors.joining(",")) : null);
                binding.put("created_at", RemoteDates.utc(product.get("created_at")));
                binding.put("updated_at", RemoteDates.utc(product.get("updated_at")));
                s.insert("magento_product_product", now, binding);
                for (Long category : categoryIds) {
                    s.relation("product_product__category_ids", productId, category);
                }
                c.releaseSavepoint(savepoint);
                records++;
                rows++;
            }
        }
        c.commit();
        return new Written(records, rows, skipped, locked, refused);
    }

    /** External id to a column of a binding table, for the rows of this backend: once per chunk. */
    private Map<String, Long> bindings(Connection c, String table, String column) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT \"external_id\", \"" + column + "\" FROM \"" + table
                + "\" WHERE \"backend_id\" = ?")) {
            q.setString(1, backendId);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    ids.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return ids;
    }

    /** The chunk's product categories, in one query. */
    private Map<String, Long> categories(Connection c, List<String> externalIds) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        if (externalIds.isEmpty()) {
            return ids;
        }
        try (PreparedStatement q = c.prepareStatement("SELECT \"external_id\", \"record_id\" FROM \"magento_product_category\" "
                + "WHERE \"backend_id\" = ? AND \"external_id\" IN (" + Sql.marks(externalIds.size()) + ")")) {
            q.setString(1, backendId);
            for (int i = 0; i < externalIds.size(); i++) {
                q.setString(i + 2, externalIds.get(i));
            }
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    ids.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return ids;
    }

    private static Map<String, Object> addressFields(Map<String, Object> address) {
        Map<String, Object> values = new HashMap<>();
        List<String> lines = address.get("street") == null ? List.of() : Stream.of(address.get("street").toString().split("\\r?\\n"))
                .map(String::trim).filter(line -> !line.isEmpty()).toList();
        values.put("street", lines.isEmpty() ? null : lines.get(0));
        values.put("street2", lines.size() < 2 ? null : String.join(", ", lines.subList(1, lines.size())));
        values.put("city", address.get("city"));
        values.put("zip", address.get("postcode"));
        values.put("region", address.get("region"));
        values.put("country_code", address.get("country_id"));
        values.put("phone", address.get("telephone"));
        return values;
    }

    private static String personName(Map<String, Object> record) {
        return Stream.of("firstname", "middlename", "lastname").map(record::get).filter(Objects::nonNull).map(Object::toString)
                .filter(s -> !s.isBlank()).collect(Collectors.joining(" "));
    }

    static List<String> categoryIds(Map<String, Object> product) {
        Object categories = product.containsKey("categories") ? product.get("categories") : product.get("category_ids");
        return categories instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    private static LocalDate date(Object value) {
        return value == null || value.toString().isBlank() ? null : LocalDate.parse(value.toString().substring(0, 10));
    }

    private static BigDecimal decimal(Object value) {
        return value == null || value.toString().isBlank() ? null : new BigDecimal(value.toString());
    }

    private static boolean truthy(Object value) {
        return value != null && !Boolean.FALSE.equals(value) && !"0".equals(value.toString()) && !value.toString().isBlank()
                && !"false".equals(value.toString());
    }

    private static boolean hasText(Object value) {
        return value != null && !value.toString().isBlank();
    }

    /** The statements of one chunk's transaction, each prepared once for the chunk. */
    private final class Statements implements Rows, AutoCloseable {
        private final Connection c;
        private final Map<String, PreparedStatement> prepared = new HashMap<>();

        Statements(Connection c) {
            this.c = c;
        }

        private PreparedStatement statement(String sql, boolean keys) throws SQLException {
            PreparedStatement statement = prepared.get(sql);
            if (statement == null) {
                statement = keys ? c.prepareStatement(sql, new String[] {"id"}) : c.prepareStatement(sql);
                prepared.put(sql, statement);
            }
            return statement;
        }

        @Override
        public long insert(String table, LocalDateTime now, Map<String, Object> values) throws SQLException {
            // Columns in a fixed order, so that each table has one statement per chunk.
            List<String> columns = new ArrayList<>(values.keySet());
            columns.sort(null);
            String sql = "INSERT INTO \"" + table + "\" (\"create_date\", \"write_date\", " + columns.stream().map(n -> "\"" + n + "\"")
                    .collect(Collectors.joining(", ")) + ") VALUES (" + Sql.marks(columns.size() + 2) + ")";
            PreparedStatement insert = statement(sql, true);
            insert.setObject(1, now);
            insert.setObject(2, now);
            for (int i = 0; i < columns.size(); i++) {
                insert.setObject(i + 3, values.get(columns.get(i)));
            }
            insert.executeUpdate();
            try (ResultSet key = insert.getGeneratedKeys()) {
                key.next();
                return key.getLong(1);
            }
        }

        @Override
        public void relation(String table, long source, long target) throws SQLException {
            PreparedStatement insert = statement("INSERT INTO \"" + table + "\" (\"source_id\", \"target_id\") VALUES (?, ?)", false);
            insert.setLong(1, source);
            insert.setLong(2, target);
            insert.executeUpdate();
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement statement : prepared.values()) {
                statement.close();
            }
        }
    }

    private static long fnv1a(String key) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
