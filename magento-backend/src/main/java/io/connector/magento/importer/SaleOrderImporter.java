package io.connector.magento.importer;

import static io.connector.magento.mapper.SaleOrderLineImportMapper.amount;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import io.connector.api.job.NothingToDoException;
import io.connector.api.store.StoreSession;
import io.connector.api.unit.BackendAdapter;
import io.connector.api.unit.ImportMapper;
import io.connector.api.unit.InvalidDataException;
import io.connector.api.unit.MapRecord;
import io.connector.core.sync.AbstractRecordImporter;
import io.connector.core.sync.RecordWaitsException;
import io.connector.core.sync.RemoteDates;
import io.connector.magento.MagentoModels;
import io.connector.magento.adapter.SaleOrderAdapter;
import io.connector.magento.internal.importer.OrderAddresses;
import io.connector.magento.internal.importer.OrderItems;
import io.connector.magento.internal.importer.SalesSettings;
import io.connector.magento.internal.importer.SalesSettings.PaymentMethod;
import io.connector.magento.mapper.SaleOrderImportMapper;
import io.connector.magento.mapper.SaleOrderLineImportMapper;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A Magento sale order, imported once (never updated). First the payment rules: a cancelled order
 * is nothing to do; the payment method's import rule decides (always; once authorized; once paid,
 * waiting until then or until it is too old; never). A method first seen on an order is created
 * with the rule {@code never} and a checkpoint, in a transaction of its own, and its orders wait
 * until an operator sets the rule. Then the customer (a registered one through the partner import;
 * a guest as a partner bound to {@code guestorder:<increment id>}), the billing and shipping
 * addresses, the products, the carrier; then the order and its lines; then the check of the
 * totals against Magento's and the chain of an edited order.
 */
@ConsumerType
public abstract class SaleOrderImporter extends AbstractRecordImporter {

    /** The backend option: what order names start with, e.g. "EC" for "EC100000201". */
    public static final String SALE_PREFIX_OPTION = "sale.prefix";
    /** The external id of a guest's partner binding starts with it, then the order's increment id. */
    public static final String GUEST_PREFIX = "guestorder:";
    /** How long an order waits before it looks again at its payment: the reference's retry interval. */
    protected static final Duration PAYMENT_WAIT = Duration.ofMinutes(10);
    /** How long an order waits before it looks again at a new payment method's rule. */
    protected static final Duration REVIEW_WAIT = Duration.ofMinutes(5);
    /**
     * The field of an order's record that holds its external id when that is not its increment id
     * (Magento 2's adapter: the entity id); Magento 1's records have none, their increment id is it.
     */
    public static final String EXTERNAL_ID_FIELD = "connector_external_id";
    private static final BigDecimal TOLERANCE = new BigDecimal("0.01");
    private static final int LONGEST_CHAIN = 100;

    private SalesSettings settings;
    /** The current order's options for the mapper; set anew for each order. */
    private Map<String, Object> options = Map.of();
    /** The current order's amounts as imported, for the check of the totals. */
    private Map<String, Object> imported = Map.of();
    /** The current order's items merged into lines, and what went wrong with their products. */
    private List<Map<String, Object>> lines = List.of();
    private List<String> problems = new ArrayList<>();

    @Override
    protected String mustSkip(Map<String, Object> remote) {
        Object given = remote.get(EXTERNAL_ID_FIELD);
        String id = given == null || given.toString().isBlank() ? incrementId(remote) : given.toString();
        return environment().binder().toInternal(id).isPresent() ? "Already imported: " + describe(id) : null;
    }

    /** An order is imported once, as it was when it was placed; its later changes are the back office's. */
    @Override
    protected boolean isUpToDate(StoreSession session, String externalId, long bindingId, Map<String, Object> remote) {
        return true;
    }

    @Override
    protected void beforeImport(StoreSession session, Map<String, Object> remote) {
        options = new HashMap<>();
        imported = Map.of();
        lines = List.of();
        problems = new ArrayList<>();
        String id = incrementId(remote);
        if ("canceled".equals(remote.get("state"))) {
            throw new NothingToDoException("Order " + id + " is cancelled in Magento");
        }
        Map<?, ?> payment = remote.get("payment") instanceof Map<?, ?> map ? map : Map.of();
        String methodName = Objects.toString(payment.get("method"), "").trim();
        if (methodName.isEmpty()) {
            throw new InvalidDataException(describe(id) + ": the order has no payment method");
        }
        PaymentMethod method = settings().paymentMethod(methodName, id);
        options.put(SaleOrderImportMapper.PAYMENT_METHOD, method.id());
        switch (method.rule()) {
            case "never" -> {
                if (method.pendingCheckpoint() != null) {
                    throw new RecordWaitsException("Order " + id + " waits: payment method '" + methodName + "' is new; set "
                            + "its import rule (connector:record-write " + SalesSettings.PAYMENT_METHOD + " " + method.id()
                            + " import_rule=always|authorized|paid|never) and review checkpoint " + method.pendingCheckpoint()
                            + "; retried every " + REVIEW_WAIT.toMinutes() + " minutes", REVIEW_WAIT);
                }
                throw new NothingToDoException("Orders paid with '" + methodName + "' are never imported (its import rule)");
            }
            case "authorized" -> waitUnless(amount(payment.get("base_amount_authorized")).signum() > 0, "authorized", id,
                    methodName, method, remote);
            case "paid" -> waitUnless(amount(payment.get("amount_paid")).signum() > 0, "paid", id, methodName, method, remote);
            default -> {
                // always
            }
        }
    }

    /**
     * Waits for the payment, unless the order is older than the method's days before cancel.
     * Only a waiting order is ever too old: the reference also drops orders that need no payment
     * once they are that old, which loses a shop's history on its first import.
     */
    private void waitUnless(boolean met, String what, String id, String methodName, PaymentMethod method,
            Map<String, Object> remote) {
        if (met) {
            return;
        }
        LocalDateTime created = RemoteDates.utc(remote.get("created_at"));
        int days = method.daysBeforeCancel();
        if (days > 0 && created != null && created.plusDays(days).isBefore(LocalDateTime.now(ZoneOffset.UTC))) {
            throw new NothingToDoException("Order " + id + " has not been " + what + " in the " + days + " days since "
                    + created + " UTC (payment method '" + methodName + "'): not imported");
        }
        throw new RecordWaitsException("Order " + id + " has not been " + what + " yet (payment method '" + methodName
                + "' imports " + what + " orders); retried every " + PAYMENT_WAIT.toMinutes() + " minutes"
                + (days > 0 ? ", for up to " + days + " days after it was placed" : ""), PAYMENT_WAIT);
    }

    @Override
    protected void importDependencies(StoreSession session, Map<String, Object> remote) {
        String id = incrementId(remote);
        String storeView = Objects.toString(remote.get("store_id"), null);
        SalesSettings settings = settings();
        options.put(SaleOrderImportMapper.TAX_INCLUDED, settings.pricesIncludeTax(storeView));
        options.put(SaleOrderImportMapper.NAME_PREFIX, backendRecord().option(SALE_PREFIX_OPTION).orElse(""));
        long partner = customer(session, remote, () -> settings.websiteOf(storeView, remote.get("website_id")));
        OrderAddresses addresses = new OrderAddresses(session, unit(ImportMapper.class, MagentoModels.ADDRESS));
        Object email = remote.get("customer_email");
        if (!(remote.get("billing_address") instanceof Map<?, ?> billing) || billing.isEmpty()) {
            throw new InvalidDataException(describe(id) + ": the order has no billing address");
        }
        long invoice = addresses.of(partner, "invoice", billing, email);
        long delivery = remote.get("shipping_address") instanceof Map<?, ?> shipping && !shipping.isEmpty()
                ? addresses.of(partner, "delivery", shipping, email) : invoice;
        options.put(SaleOrderImportMapper.PARTNER, partner);
        options.put(SaleOrderImportMapper.INVOICE_ADDRESS, invoice);
        options.put(SaleOrderImportMapper.SHIPPING_ADDRESS, delivery);
        lines = OrderItems.asLines(remote.get("items"));
        importProducts(session, lines);
        Object carrier = remote.get("shipping_method");
        if (carrier != null && !carrier.toString().isBlank()) {
            options.put(SaleOrderImportMapper.CARRIER, settings.carrier(carrier.toString(),
                    Objects.toString(remote.get("shipping_description"), null)));
        }
    }

    /** The order's partner: its customer's, or its guest's; the customer imported first. */
    private long customer(StoreSession session, Map<String, Object> remote, Supplier<String> websiteOfOrder) {
        String customerId = Objects.toString(remote.get("customer_id"), "").trim();
        boolean guest = truthy(remote.get("customer_is_guest")) || customerId.isEmpty();
        String website = guest ? websiteOfOrder.get() : null;
        if (guest) {
            // A guest whose e-mail is a registered customer's of the website is that customer.
            Optional<String> registered = registeredWithEmail(session, remote.get("customer_email"), website);
            if (registered.isPresent()) {
                customerId = registered.get();
                guest = false;
            }
        }
        if (guest) {
            importDependency(Objects.toString(remote.get("customer_group_id"), null), MagentoModels.PARTNER_CATEGORY);
            String guestId = GUEST_PREFIX + incrementId(remote);
            return environment().binder(MagentoModels.PARTNER).toInternal(guestId, true)
                    .orElseGet(() -> recordOf(session, MagentoModels.PARTNER, createGuest(session, guestId, remote, website)));
        }
        importDependency(customerId, MagentoModels.PARTNER);
        String customer = customerId;
        return environment().binder(MagentoModels.PARTNER).toInternal(customer, true).orElseThrow(() ->
                new InvalidDataException(describe(incrementId(remote)) + ": its customer " + customer + " was not imported"));
    }

    private Optional<String> registeredWithEmail(StoreSession session, Object email, String website) {
        if (email == null || email.toString().isBlank()) {
            return Optional.empty();
        }
        var query = session.query(MagentoModels.PARTNER).where("backend_id", "=", backendRecord().id())
                .where("email", "=", email.toString());
        if (website != null) {
            Optional<Long> websiteBinding = environment().binder(MagentoModels.WEBSITE).toInternal(website);
            if (websiteBinding.isPresent()) {
                query = query.where("website_id", "=", websiteBinding.get());
            }
        }
        return query.order("id").limit(1).read("external_id").stream().map(row -> Objects.toString(row.get("external_id"), ""))
                .filter(external -> !external.startsWith(GUEST_PREFIX)).findFirst();
    }

    /**
     * A guest's partner: the customer record Magento would have made, from the billing address,
     * mapped by the partner mapper and bound to {@code guestorder:<increment id>}; a partner that
     * has the e-mail already is the one bound.
     */
    private long createGuest(StoreSession session, String guestId, Map<String, Object> remote, String website) {
        Map<?, ?> billing = (Map<?, ?>) remote.get("billing_address");
        Map<String, Object> customer = new HashMap<>();
        for (String field : List.of("firstname", "middlename", "lastname", "prefix", "suffix")) {
            customer.put(field, billing.get(field));
        }
        customer.put("email", remote.get("customer_email"));
        customer.put("taxvat", remote.get("customer_taxvat"));
        customer.put("group_id", remote.get("customer_group_id"));
        customer.put("gender", remote.get("customer_gender"));
        customer.put("dob", remote.get("customer_dob"));
        customer.put("store_id", remote.get("store_id"));
        customer.put("website_id", website);
        customer.put("created_at", remote.get("created_at"));
        Map<String, Object> values = new HashMap<>(unit(ImportMapper.class, MagentoModels.PARTNER).mapRecord(customer)
                .values(true, List.of(), Map.of()));
        values.put("guest_customer", true);
        Object email = remote.get("customer_email");
        if (email != null && !email.toString().isBlank()) {
            session.query("res.partner").where("email", "=", email.toString()).where("parent_id", "=", null).order("id")
                    .first().ifPresent(existing -> values.put("record_id", existing));
        }
        return session.noExport().upsertBinding(MagentoModels.PARTNER, backendRecord().id(), guestId, values);
    }

    /**
     * The products of the lines, imported when not bound yet. One that cannot be imported (gone
     * from the shop, of a type the connector does not represent) leaves its line without a product
     * and a checkpoint, instead of failing the order: the order is the shop's money.
     */
    private void importProducts(StoreSession session, List<Map<String, Object>> lines) {
        for (Map<String, Object> line : lines) {
            Object product = line.get("product_id");
            if (product == null || product.toString().isBlank()) {
                continue;
            }
            try {
                session.inSavepoint(s -> {
                    importDependency(product.toString(), MagentoModels.PRODUCT);
                    return null;
                });
                if (environment().binder(MagentoModels.PRODUCT).toInternal(product.toString()).isPresent()) {
                    continue;
                }
                problems.add("product " + product + " (sku " + line.get("sku") + ") of line '" + line.get("name")
                        + "' is not imported");
            } catch (NothingToDoException | InvalidDataException e) {
                problems.add("product " + product + " (sku " + line.get("sku") + ") of line '" + line.get("name")
                        + "' could not be imported: " + e.getMessage());
            }
            line.put("product_id", null);
        }
    }

    @Override
    protected Map<String, Object> mapOptions() {
        return options;
    }

    /** The mapper sees the items merged into lines. */
    @Override
    protected MapRecord map(StoreSession session, String externalId, Map<String, Object> remote) {
        Map<String, Object> order = new HashMap<>(remote);
        order.put("items", lines);
        return super.map(session, externalId, order);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected long create(StoreSession session, String externalId, Map<String, Object> values) {
        Map<String, Object> order = new HashMap<>(values);
        List<Map<String, Object>> lines = (List<Map<String, Object>>) order.remove(SaleOrderImportMapper.LINES);
        long binding = super.create(session, externalId, order);
        long record = recordOf(session, MagentoModels.SALE_ORDER, binding);
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        for (Map<String, Object> mapped : lines == null ? List.<Map<String, Object>>of() : lines) {
            Map<String, Object> line = new HashMap<>(mapped);
            Object item = line.remove(SaleOrderLineImportMapper.EXTERNAL_ID);
            line.put("order_id", record);
            if (item != null) {
                // Created, not upserted: the order is new and locked, so its items cannot be bound
                // yet, and the look-up and savepoint of an upsert would be three more round trips a line.
                line.put("magento_order_id", binding);
                line.put("backend_id", backendRecord().id());
                line.put("external_id", item.toString());
                line.put("sync_date", now);
                session.noExport().create(MagentoModels.SALE_ORDER_LINE, line);
            } else {
                session.noExport().create("sale.order.line", line);
            }
        }
        imported = order;
        return binding;
    }

    @Override
    protected void afterImport(StoreSession session, long bindingId, Map<String, Object> remote) {
        String id = incrementId(remote);
        String name = Objects.toString(imported.get("name"), id);
        for (String problem : problems) {
            checkpoint(session, MagentoModels.SALE_ORDER, bindingId, "Order " + name + ": " + problem);
        }
        BigDecimal total = amount(imported.get("amount_total"));
        BigDecimal tax = amount(imported.get("amount_tax"));
        BigDecimal magentoTotal = amount(remote.get("grand_total"));
        BigDecimal magentoTax = amount(remote.get("tax_amount"));
        if (total.subtract(magentoTotal).abs().compareTo(TOLERANCE) >= 0 || tax.subtract(magentoTax).abs().compareTo(TOLERANCE) >= 0) {
            checkpoint(session, MagentoModels.SALE_ORDER, bindingId, "Order " + name + ": the imported total " + total.toPlainString()
                    + " and tax " + tax.toPlainString() + " differ from Magento's grand total " + magentoTotal.toPlainString()
                    + " and tax " + magentoTax.toPlainString());
        }
        linkEditedChain(session, bindingId, name, Objects.toString(remote.get("relation_parent_real_id"), "").trim());
    }

    /**
     * Magento edits an order by cancelling it and placing a new one: the new one links to the
     * nearest order of its chain that was imported, and each imported one to the next; the
     * parents are marked cancelled in Magento, and cancelled here while still draft (a confirmed
     * one gets a checkpoint: a person must undo what was done with it).
     */
    private void linkEditedChain(StoreSession session, long bindingId, String name, String parent) {
        SaleOrderAdapter adapter = unit(BackendAdapter.class) instanceof SaleOrderAdapter orders ? orders : null;
        long current = bindingId;
        Set<String> seen = new HashSet<>();
        while (!parent.isEmpty() && seen.add(parent) && seen.size() <= LONGEST_CHAIN) {
            Optional<Long> parentBinding = environment().binder().toInternal(parent);
            if (parentBinding.isPresent()) {
                session.noExport().write(MagentoModels.SALE_ORDER, current, Map.of("magento_parent_id", parentBinding.get()));
                cancelEdited(session, parentBinding.get(), name);
                current = parentBinding.get();
            }
            parent = adapter == null ? "" : adapter.parentOf(parent).orElse("");
        }
    }

    private void cancelEdited(StoreSession session, long parentBinding, String name) {
        Map<String, Object> parent = session.read(MagentoModels.SALE_ORDER, List.of(parentBinding),
                List.of("canceled_in_backend", "state", "name")).get(0);
        if (Boolean.TRUE.equals(parent.get("canceled_in_backend"))) {
            return;
        }
        Map<String, Object> change = new HashMap<>();
        change.put("canceled_in_backend", true);
        if ("draft".equals(parent.get("state"))) {
            change.put("state", "cancel");
        } else if (!"cancel".equals(parent.get("state"))) {
            checkpoint(session, MagentoModels.SALE_ORDER, parentBinding, "Order " + parent.get("name") + " was edited in "
                    + "Magento into " + name + " and cancelled there, but it is " + parent.get("state") + " here: undo it by hand");
        }
        session.noExport().write(MagentoModels.SALE_ORDER, parentBinding, change);
    }

    /** Kept for the importer's life, one job's: a chunk looks its methods, carriers and store views up once. */
    private SalesSettings settings() {
        if (settings == null) {
            settings = new SalesSettings(environment(), backendRecord());
        }
        return settings;
    }

    private long recordOf(StoreSession session, String bindingModel, long binding) {
        return ((Number) session.read(bindingModel, List.of(binding), List.of("record_id")).get(0).get("record_id")).longValue();
    }

    private static String incrementId(Map<String, Object> remote) {
        return Objects.toString(remote.get("increment_id"), "");
    }

    private static boolean truthy(Object value) {
        return value != null && !value.toString().isBlank() && !"0".equals(value.toString()) && !Boolean.FALSE.equals(value)
                && !"false".equals(value.toString());
    }
}
