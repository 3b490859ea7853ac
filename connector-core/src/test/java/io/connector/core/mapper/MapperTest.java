package io.connector.core.mapper;

import static io.connector.core.internal.resolver.TestUnits.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.connector.api.Backend;
import io.connector.api.BackendRecord;
import io.connector.api.Environment;
import io.connector.api.unit.Binder;
import io.connector.api.unit.ExportMapper;
import io.connector.api.unit.ImportMapper;
import io.connector.api.unit.MapRecord;
import io.connector.api.unit.MappingException;
import io.connector.core.internal.environment.ConnectorEnvironmentFactory;
import io.connector.core.internal.resolver.BackendInfo;
import io.connector.core.internal.resolver.UnitRegistry;
import io.connector.store.binder.StoreBinder;
import io.connector.store.testing.StoreFixture;
import io.connector.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every behaviour of the reference connector's mapper, through real units, binders and store. */
class MapperTest {

    // ---------------------------------------------------------------- the mappers under test

    static final class ShopBinder extends StoreBinder {
    }

    static class OrderImportMapper extends AbstractImportMapper {
        OrderImportMapper() {
            direct("increment_id", "name");
            direct("empty_text", "note");
            direct(convert("grand_total", BigDecimal.class), "amount_total");
            direct(none(convert("is_virtual", Boolean.class)), "virtual");
            direct(none("gift_message"), "gift");
            direct(backendToM2o("customer_id", "shop.res.partner"), "partner_id");
            child("items", "line_ids", "shop.sale.order.line");
        }

        @Mapping
        public Map<String, Object> origin(MapContext record) {
            Map<String, Object> values = new HashMap<>();
            values.put("origin", "lang " + record.option("lang") + ", channel " + record.option("channel"));
            values.put("name", "SO-" + record.get("increment_id")); // a method wins over a direct mapping
            return values;
        }

        @Mapping
        @OnlyCreate
        public Map<String, Object> state(MapContext record) {
            return Map.of("state", "draft");
        }

        @Override
        protected void finalizeValues(MapContext context, Map<String, Object> values) {
            values.put("finalized_with", values.keySet().size());
        }
    }

    static class LineImportMapper extends AbstractImportMapper {
        LineImportMapper() {
            direct("name", "name");
            direct(convert("qty_ordered", BigDecimal.class), "quantity");
        }

        @Override
        protected boolean skipItem(MapContext item) {
            return "configurable".equals(item.get("product_type"));
        }

        @Mapping
        public Map<String, Object> inherited(MapContext record) {
            Map<String, Object> values = new HashMap<>();
            values.put("lang", record.option("lang"));
            values.put("for_create", record.forCreate());
            values.put("order", record.parent().map(p -> p.source().get("increment_id")).orElse(null));
            return values;
        }
    }

    static class PartnerImportMapper extends AbstractImportMapper {
        PartnerImportMapper() {
            direct("firstname", "name");
            direct("group_id", "group_id"); // a many2one to a binding model: the external id is converted
        }
    }

    static class PartnerExportMapper extends AbstractExportMapper {
        PartnerExportMapper() {
            direct("name", "firstname");
            direct(m2oToBackend("group_id"), "group_id");
            direct(m2oToBackend("parent_id", "shop.res.partner"), "parent_customer_id");
            direct(followM2oRelations("parent_id.city"), "company_city");
        }

        @Mapping
        @ChangedBy("email")
        public Map<String, Object> contact(MapContext record) {
            return Map.of("contact", String.valueOf(record.get("email")));
        }

        @Mapping
        public Map<String, Object> always(MapContext record) {
            return Map.of("always", true);
        }
    }

    /** A customized export mapper: more direct mappings, and more fields that trigger contact(). */
    static class SpecificPartnerExportMapper extends PartnerExportMapper {
        SpecificPartnerExportMapper() {
            direct("phone", "telephone");
        }

        @Override
        @Mapping
        @ChangedBy("phone")
        public Map<String, Object> contact(MapContext record) {
            Map<String, Object> values = new HashMap<>(super.contact(record));
            values.put("contact", values.get("contact") + " / " + record.get("phone"));
            return values;
        }
    }

    // ---------------------------------------------------------------- the environment

    private StoreFixture fixture;
    private ConnectorEnvironmentFactory environments;
    private BackendRecord shop;

    record Shop(String id, Backend backend) implements BackendRecord {
        public String name() {
            return "test shop";
        }

        public String location() {
            return "http://127.0.0.1:1";
        }

        public String username() {
            return "";
        }

        public String password() {
            return "";
        }

        public Optional<String> option(String key) {
            return Optional.empty();
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new StoreFixture(TestDatabase.h2(), "/connector/models.json", "/test-models.json");
        UnitRegistry units = new UnitRegistry();
        units.backendDeclared("shop", new BackendInfo("shop", "", "", "", "test", 0, 1));
        units.unitRegistered("binder", unit("ShopBinder").type(Binder.class.getName()).on("shop")
                .models("shop.res.partner", "shop.res.partner.category", "shop.sale.order").instances(ShopBinder::new).build());
        units.unitRegistered("order", unit("OrderImportMapper").on("shop").models("shop.sale.order")
                .instances(OrderImportMapper::new).build());
        units.unitRegistered("line", unit("LineImportMapper").on("shop").models("shop.sale.order.line")
                .instances(LineImportMapper::new).build());
        units.unitRegistered("partner", unit("PartnerImportMapper").on("shop").models("shop.res.partner")
                .instances(PartnerImportMapper::new).build());
        units.unitRegistered("export", unit("PartnerExportMapper").type(ExportMapper.class.getName()).on("shop")
                .models("shop.res.partner").instances(PartnerExportMapper::new).build());
        environments = new ConnectorEnvironmentFactory(units, fixture.store);
        shop = new Shop("b1", units.get("shop"));
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private long bind(String model, String externalId, Map<String, Object> values) {
        return fixture.store.inTransaction(s -> s.upsertBinding(model, shop.id(), externalId, values));
    }

    private static Map<String, Object> order() {
        Map<String, Object> order = new HashMap<>();
        order.put("increment_id", "100000201");
        order.put("empty_text", "");
        order.put("grand_total", "149.9900");
        order.put("is_virtual", "0");
        order.put("gift_message", null);
        order.put("customer_id", "136");
        order.put("items", List.of(Map.of("name", "Chair", "qty_ordered", "2.0000", "product_type", "simple"),
                Map.of("name", "Chair (configurable)", "qty_ordered", "2.0000", "product_type", "configurable"),
                Map.of("name", "Desk", "qty_ordered", "1.0000", "product_type", "simple")));
        return order;
    }

    // ---------------------------------------------------------------- import

    @Test
    void importMapsDirectConvertedMethodChildrenFinalizeAndForcedValues() {
        long customer = bind("shop.res.partner", "136", Map.of("name", "John"));
        long partner = (Long) fixture.store.inTransaction(s -> s.read("shop.res.partner", customer)).orElseThrow().get("record_id");
        try (Environment env = environments.open(shop, "shop.sale.order")) {
            MapRecord record = env.unit(ImportMapper.class).mapRecord(order());
            record.update(Map.of("amount_total", new BigDecimal("1.00")));
            Map<String, Object> values = record.values(true, List.of(), Map.of("lang", "fr_FR"));

            assertThat(values).containsEntry("name", "SO-100000201")
                    .containsEntry("note", null)
                    .containsEntry("virtual", null)
                    .containsEntry("gift", null)
                    .containsEntry("partner_id", partner)
                    .containsEntry("origin", "lang fr_FR, channel null")
                    .containsEntry("state", "draft")
                    .containsEntry("amount_total", new BigDecimal("1.00"));
            assertThat(values.get("finalized_with")).as("finalize sees every mapped value").isEqualTo(9);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> lines = (List<Map<String, Object>>) values.get("line_ids");
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).containsEntry("name", "Chair").containsEntry("quantity", new BigDecimal("2.0000"))
                    .containsEntry("lang", "fr_FR").containsEntry("for_create", true).containsEntry("order", "100000201");
            assertThat(lines.get(1)).containsEntry("name", "Desk");

            Map<String, Object> update = record.values(false);
            assertThat(update).as("only-create methods skip updates").doesNotContainKey("state");
            assertThat(((List<?>) update.get("line_ids")).get(0)).asInstanceOf(
                    org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("for_create", false);
        }
    }

    @Test
    void convertAndNoneCompose() {
        assertThat(mapOne(Map.of("grand_total", "12.5", "is_virtual", "1", "gift_message", "Enjoy")))
                .containsEntry("amount_total", new BigDecimal("12.5")).containsEntry("virtual", true).containsEntry("gift", "Enjoy");
        assertThat(mapOne(Map.of("is_virtual", "false"))).as("none(convert(false)) is no value").containsEntry("virtual", null);
    }

    private Map<String, Object> mapOne(Map<String, Object> order) {
        try (Environment env = environments.open(shop, "shop.sale.order")) {
            return env.unit(ImportMapper.class).mapRecord(order).values(false);
        }
    }

    @Test
    void aRelationToARecordNotImportedYetIsAMappingError() {
        try (Environment env = environments.open(shop, "shop.sale.order")) {
            MapRecord record = env.unit(ImportMapper.class).mapRecord(order());
            assertThatThrownBy(() -> record.values(true)).isInstanceOf(MappingException.class)
                    .hasMessage("shop.sale.order: customer_id = '136' has no shop.res.partner binding on backend test shop: "
                            + "import it first");
        }
    }

    @Test
    void aDirectMappingToABindingRelationConvertsTheExternalId() {
        long group = bind("shop.res.partner.category", "4", Map.of("name", "Retailer"));
        try (Environment env = environments.open(shop, "shop.res.partner")) {
            ImportMapper mapper = env.unit(ImportMapper.class);
            assertThat(mapper.mapRecord(Map.of("firstname", "Ann", "group_id", "4")).values(true))
                    .containsEntry("name", "Ann").containsEntry("group_id", group);
            assertThatThrownBy(() -> mapper.mapRecord(Map.of("firstname", "Ann", "group_id", "5")).values(true))
                    .isInstanceOf(MappingException.class).hasMessageContaining("group_id = '5' has no shop.res.partner.category binding");
        }
    }

    // ---------------------------------------------------------------- export

    @Test
    void exportConvertsRelationsToExternalIdsAndFollowsThem() {
        long group = bind("shop.res.partner.category", "4", Map.of("name", "Retailer"));
        long companyBinding = bind("shop.res.partner", "77", Map.of("name", "Acme", "city", "Lyon", "is_company", true));
        long company = (Long) read("shop.res.partner", companyBinding).get("record_id");
        long ann = bind("shop.res.partner", "78", Map.of("name", "Ann", "parent_id", company, "group_id", group,
                "email", "ann@acme.test"));
        try (Environment env = environments.open(shop, "shop.res.partner")) {
            Map<String, Object> values = env.unit(ExportMapper.class).mapRecord(read("shop.res.partner", ann)).values(true);
            assertThat(values).containsEntry("firstname", "Ann").containsEntry("group_id", "4")
                    .containsEntry("parent_customer_id", "77").containsEntry("company_city", "Lyon")
                    .containsEntry("contact", "ann@acme.test").containsEntry("always", true);
        }
        long orphan = fixture.store.inTransaction(s -> s.create("res.partner", Map.of("name", "Not exported")));
        long bob = bind("shop.res.partner", "79", Map.of("name", "Bob", "parent_id", orphan));
        try (Environment env = environments.open(shop, "shop.res.partner")) {
            MapRecord record = env.unit(ExportMapper.class).mapRecord(read("shop.res.partner", bob));
            assertThatThrownBy(() -> record.values(true)).isInstanceOf(MappingException.class)
                    .hasMessage("shop.res.partner.parent_id = " + orphan + " has no shop.res.partner binding on backend "
                            + "test shop: export it first");
        }
    }

    @Test
    void theFieldsFilterMapsOnlyWhatChanged() {
        long ann = bind("shop.res.partner", "78", Map.of("name", "Ann", "email", "ann@acme.test"));
        try (Environment env = environments.open(shop, "shop.res.partner")) {
            MapRecord record = env.unit(ExportMapper.class).mapRecord(read("shop.res.partner", ann));
            assertThat(record.values(false, List.of("name"), Map.of())).as("changed_by(email) left out, plain methods kept")
                    .containsOnlyKeys("firstname", "always");
            assertThat(record.values(false, List.of("email"), Map.of())).containsOnlyKeys("contact", "always");
            assertThat(record.values(false, List.of("parent_id"), Map.of()))
                    .containsOnlyKeys("parent_customer_id", "company_city", "always");
        }
    }

    @Test
    void aSubclassAddsMappingsAndUnitesChangedBy() {
        SpecificPartnerExportMapper mapper = new SpecificPartnerExportMapper();
        Map<String, Object> partner = Map.of("name", "Ann", "email", "ann@acme.test", "phone", "123");
        MapRecord record = mapper.mapRecord(partner);
        assertThat(record.values(false, List.of("phone"), Map.of())).containsOnlyKeys("telephone", "contact", "always")
                .containsEntry("contact", "ann@acme.test / 123");
        assertThat(record.values(false, List.of("email"), Map.of())).as("the parent's changed_by still holds")
                .containsOnlyKeys("contact", "always");
        assertThat(record.values(false, List.of("name"), Map.of())).containsOnlyKeys("firstname", "always");
    }

    @Test
    void childrenUseTheFieldsFilterBySource() {
        try (Environment env = environments.open(shop, "shop.sale.order")) {
            Map<String, Object> order = new HashMap<>(order());
            order.remove("customer_id");
            MapRecord record = env.unit(ImportMapper.class).mapRecord(order);
            assertThat(record.values(false, List.of("increment_id"), Map.of())).doesNotContainKey("line_ids");
            assertThat(record.values(false, List.of("items"), Map.of())).containsKey("line_ids").doesNotContainKey("partner_id");
        }
    }

    private Map<String, Object> read(String model, long id) {
        return fixture.store.inTransaction(s -> s.read(model, id)).orElseThrow();
    }
}
