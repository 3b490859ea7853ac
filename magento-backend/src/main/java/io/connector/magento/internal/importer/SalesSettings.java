package io.connector.magento.internal.importer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import io.connector.api.BackendRecord;
import io.connector.api.Checkpoints;
import io.connector.api.Environment;
import io.connector.api.store.RecordStore;
import io.connector.api.store.StoreException;
import io.connector.magento.MagentoModels;

/**
 * What an order's import looks up about the shop and the back office: the payment method with
 * its rule, the carrier, a store view's settings and website. A payment method or carrier seen
 * for the first time is created in a transaction of its own, so that it stays (with the
 * checkpoint asking for a payment method's rule) when the order that brought it waits or fails;
 * two jobs creating the same one meet on the unique name, and the loser reads the winner's. One
 * instance serves one job: what it found is kept for the job's other orders (a chunk's).
 */
public final class SalesSettings {

    public static final String PAYMENT_METHOD = "sale.payment.method";
    public static final String CARRIER = "delivery.carrier";

    /** A payment method's rule, and the checkpoint still asking for it when the rule was never set. */
    public record PaymentMethod(long id, String rule, int daysBeforeCancel, Long pendingCheckpoint) {
    }

    private final Environment environment;
    private final BackendRecord backend;
    private final Map<String, PaymentMethod> methods = new HashMap<>();
    private final Map<String, Long> carriers = new HashMap<>();
    private final Map<String, Optional<Map<String, Object>>> storeViews = new HashMap<>();
    private final Map<String, Optional<String>> websites = new HashMap<>();

    public SalesSettings(Environment environment, BackendRecord backend) {
        this.environment = environment;
        this.backend = backend;
    }

    private RecordStore store() {
        return environment.store();
    }

    /** The method named {@code name}; created with the rule {@code never} and a checkpoint when new. */
    public PaymentMethod paymentMethod(String name, String orderId) {
        PaymentMethod known = methods.get(name);
        // A method still waiting for its rule is read again: the rule may be set meanwhile.
        if (known != null && known.pendingCheckpoint() == null) {
            return known;
        }
        PaymentMethod method = readOrCreate(name, orderId);
        methods.put(name, method);
        return method;
    }

    private PaymentMethod readOrCreate(String name, String orderId) {
        Map<String, Object> method = createOrRead(() -> readMethod(name), () -> store().inNewTransaction(s -> {
            long id = s.noExport().create(PAYMENT_METHOD, Map.of("name", name, "import_rule", "never"));
            Map<String, Object> checkpoint = new HashMap<>();
            checkpoint.put("backend_id", backend.id());
            checkpoint.put("model", PAYMENT_METHOD);
            checkpoint.put("record_id", id);
            checkpoint.put("message", "Payment method '" + name + "' was first seen on order " + orderId + " of backend "
                    + backend.name() + ": set its import rule (connector:record-write " + PAYMENT_METHOD + " " + id
                    + " import_rule=always|authorized|paid|never); its orders wait until then");
            s.create(Checkpoints.MODEL, checkpoint);
            return id;
        }), "payment method '" + name + "'");
        long id = ((Number) method.get("id")).longValue();
        String rule = Objects.toString(method.get("import_rule"), "always");
        Long pending = null;
        if (rule.equals("never")) {
            pending = store().inTransaction(s -> s.query(Checkpoints.MODEL).where("model", "=", PAYMENT_METHOD)
                    .where("record_id", "=", id).where("state", "=", "need-review").order("id").first().orElse(null));
        }
        Object days = method.get("days_before_cancel");
        return new PaymentMethod(id, rule, days instanceof Number n ? n.intValue() : 0, pending);
    }

    private Optional<Map<String, Object>> readMethod(String name) {
        return store().inTransaction(s -> s.query(PAYMENT_METHOD).where("name", "=", name).limit(1)
                .read("import_rule", "days_before_cancel").stream().findFirst());
    }

    /** The carrier of shipping method {@code code}, created (named after its description) when new. */
    public long carrier(String code, String description) {
        return carriers.computeIfAbsent(code, c -> createOrRead(
                () -> store().inTransaction(s -> s.query(CARRIER).where("code", "=", code).first()),
                () -> store().inNewTransaction(s -> s.noExport().create(CARRIER, Map.of("code", code,
                        "name", description == null || description.isBlank() ? code : description))),
                "carrier '" + code + "'"));
    }

    /**
     * What {@code read} finds, else what it finds after {@code create}: a creation another job
     * won meanwhile fails on the unique key, and the winner's record is read instead.
     */
    private static <T> T createOrRead(Supplier<Optional<T>> read, Runnable create, String what) {
        Optional<T> found = read.get();
        if (found.isPresent()) {
            return found.get();
        }
        StoreException lost = null;
        try {
            create.run();
        } catch (StoreException e) {
            lost = e;
        }
        found = read.get();
        if (found.isPresent()) {
            return found.get();
        }
        throw lost != null ? lost : new StoreException("Cannot find " + what + " right after creating it");
    }

    /** Whether prices in the store view (its Magento id) include tax, as its binding says. */
    public boolean pricesIncludeTax(String storeView) {
        return storeView(storeView).map(view -> Boolean.TRUE.equals(view.get("catalog_price_tax_included"))).orElse(false);
    }

    /** The Magento id of the store view's website ({@code given} when the order has it), or null. */
    public String websiteOf(String storeView, Object given) {
        if (given != null && !given.toString().isBlank()) {
            return given.toString();
        }
        return websites.computeIfAbsent(String.valueOf(storeView), view -> storeView(storeView).map(row -> row.get("store_id"))
                .map(storeId -> store().inTransaction(s -> {
                    List<Map<String, Object>> stores = s.read(MagentoModels.STORE, List.of(((Number) storeId).longValue()),
                            List.of("website_id"));
                    Object website = stores.isEmpty() ? null : stores.get(0).get("website_id");
                    return website == null ? null : s.read(MagentoModels.WEBSITE, List.of(((Number) website).longValue()),
                            List.of("external_id")).stream().findFirst().map(row -> (String) row.get("external_id")).orElse(null);
                }))).orElse(null);
    }

    private Optional<Map<String, Object>> storeView(String storeView) {
        if (storeView == null) {
            return Optional.empty();
        }
        return storeViews.computeIfAbsent(storeView, view -> store().inTransaction(s -> s.query(MagentoModels.STORE_VIEW)
                .where("backend_id", "=", backend.id()).where("external_id", "=", view).limit(1)
                .read("store_id", "catalog_price_tax_included").stream().findFirst()));
    }

}
