package io.connector.magento.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator: counts, determinism, and records shaped like Magento's. */
class DataGeneratorTest {

    private static final GeneratorSpec SPEC = GeneratorSpec.parse("customers=300,products=120,categories=25,orders=40");

    private static DataStore generated(GeneratorSpec spec) {
        DataStore store = new DataStore();
        DataGenerator.populate(store, spec);
        return store;
    }

    @Test
    void parsesTheCommandLineSpec() {
        assertThat(GeneratorSpec.parse("customers=10000,products=2000,categories=50"))
                .isEqualTo(new GeneratorSpec(10000, 2000, 50, 0, GeneratorSpec.DEFAULT_SEED));
        assertThat(GeneratorSpec.parse("orders=5, seed=9")).isEqualTo(new GeneratorSpec(0, 0, 0, 5, 9));
        assertThatThrownBy(() -> GeneratorSpec.parse("clients=5")).hasMessageContaining("clients");
        assertThatThrownBy(() -> GeneratorSpec.parse("customers=many")).hasMessageContaining("many");
        assertThatThrownBy(() -> GeneratorSpec.parse("customers=-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void makesTheCountsAskedForBesideTheShopStructure() {
        DataStore store = generated(SPEC);
        assertThat(store.customers().size()).isEqualTo(300);
        assertThat(store.products().size()).isEqualTo(120);
        assertThat(store.categories().size()).as("the two roots and 25 below").isEqualTo(27);
        assertThat(store.orders().size()).isEqualTo(40);
        assertThat(store.websites().ids()).containsExactly("0", "1");
        assertThat(store.groups().ids()).containsExactly("0", "1");
        assertThat(store.storeViews().ids()).containsExactly("0", "1", "2", "3");
        assertThat(store.customerGroups().ids()).containsExactly("0", "1", "2", "3", "4");
        assertThat(store.addresses().size()).isBetween(300, 900);
    }

    @Test
    void theSameSpecMakesTheSameRecords(@TempDir Path dir) throws Exception {
        generated(SPEC).save(dir.resolve("a"));
        generated(SPEC).save(dir.resolve("b"));
        for (String table : List.of("customers", "addresses", "categories", "products", "product_media", "orders")) {
            assertThat(Files.readString(dir.resolve("b").resolve(table + ".json")))
                    .as(table).isEqualTo(Files.readString(dir.resolve("a").resolve(table + ".json")));
        }
        generated(SPEC.withSeed(43)).save(dir.resolve("c"));
        assertThat(Files.readString(dir.resolve("c").resolve("customers.json")))
                .isNotEqualTo(Files.readString(dir.resolve("a").resolve("customers.json")));
    }

    @Test
    void customersHaveZeroToThreeAddressesSomeWithACompany() {
        DataStore store = generated(SPEC);
        int[] byCount = new int[4];
        int companies = 0;
        for (String id : store.customers().ids()) {
            List<String> addresses = store.addresses().idsOwnedBy(id);
            assertThat(addresses.size()).isBetween(0, 3);
            byCount[addresses.size()]++;
            Map<String, Object> customer = store.customers().get(id).orElseThrow();
            assertThat(customer.get("default_billing")).isEqualTo(addresses.isEmpty() ? null : addresses.get(0));
            if (!addresses.isEmpty() && store.addresses().get(addresses.get(0)).orElseThrow().get("company") != null) {
                companies++;
            }
            assertThat(customer.get("website_id")).isEqualTo("1");
            assertThat((String) customer.get("updated_at")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
            assertThat((String) customer.get("created_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d");
            assertThat(customer).containsKeys("middlename", "dob", "taxvat", "group_id", "email", "firstname", "lastname");
        }
        assertThat(byCount).as("customers with 0, 1, 2 and 3 addresses").doesNotContain(0);
        assertThat(companies).isBetween(30, 150);
    }

    @Test
    void categoriesFormATreeUnderDefaultCategory() {
        DataStore store = generated(SPEC);
        for (Map<String, Object> category : store.categories().records()) {
            String id = (String) category.get("category_id");
            if (id.equals("1")) {
                assertThat(category.get("parent_id")).isEqualTo(0);
                continue;
            }
            Map<String, Object> parent = store.categories().get(String.valueOf(category.get("parent_id"))).orElseThrow();
            assertThat(Integer.parseInt((String) category.get("level"))).isEqualTo(Integer.parseInt((String) parent.get("level")) + 1)
                    .isLessThanOrEqualTo(4);
            assertThat(category.get("path")).isEqualTo(parent.get("path") + "/" + id);
            assertThat(((String) parent.get("children")).split(",")).contains(id);
        }
        assertThat(store.categories().get("2").orElseThrow().get("children_count")).isEqualTo("25");
    }

    @Test
    void productsAreInExistingCategoriesAndOrdersReferToProductsAndCustomers() {
        DataStore store = generated(SPEC);
        for (Map<String, Object> product : store.products().records()) {
            assertThat((List<?>) product.get("categories")).allSatisfy(c -> assertThat(store.categories().contains((String) c)).isTrue());
            assertThat((String) product.get("price")).matches("\\d+\\.\\d{4}");
        }
        assertThat(store.products().records()).extracting(p -> p.get("type_id")).contains("simple", "configurable");
        for (Map<String, Object> order : store.orders().records()) {
            assertThat(order.get("state")).as("new, or cancelled by the shop or an edit").isIn("new", "canceled");
            String customer = (String) order.get("customer_id");
            assertThat(customer == null || store.customers().contains(customer)).isTrue();
            assertThat((List<?>) order.get("items")).isNotEmpty().allSatisfy(item ->
                    assertThat(store.products().contains((String) ((Map<?, ?>) item).get("product_id"))).isTrue());
        }
    }

    @Test
    void generatedRecordsGoBesideSeededOnesWithoutTouchingThem() throws Exception {
        DataStore store = new DataStore();
        CassetteSeeder.seed(store, CassetteReplayTest.cassettes());
        Map<String, Object> seededCategory = store.categories().get("2").orElseThrow();
        Map<String, Object> seededCustomer = store.customers().get("139").orElseThrow();
        DataGenerator.populate(store, GeneratorSpec.of(10, 10, 5));
        assertThat(store.customers().get("139")).contains(seededCustomer);
        assertThat(store.categories().get("2")).contains(seededCategory);
        assertThat(store.customers().ids()).contains("140", "149");
        assertThat(store.customers().size()).isEqualTo(5 + 10);
    }

    @Test
    void aDataDirectoryLoadsBackWhatWasSaved(@TempDir Path dir) throws Exception {
        DataStore store = generated(GeneratorSpec.of(20, 10, 5).withOrders(5));
        store.categories().putStoreViewValues("3", "2", Map.of("name", "Femmes"));
        store.save(dir);
        DataStore loaded = new DataStore();
        loaded.load(dir);
        assertThat(loaded.counts()).isEqualTo(store.counts());
        for (RecordTable table : store.tables()) {
            assertThat(loaded.table(table.name()).records()).as(table.name()).isEqualTo(table.records());
        }
        assertThat(loaded.addresses().idsOwnedBy("1")).isEqualTo(store.addresses().idsOwnedBy("1"));
        assertThat(loaded.categories().get("3", "2").orElseThrow().get("name")).isEqualTo("Femmes");
    }
}
