package io.connector.itests.magento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.connector.api.store.RecordStore;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The Magento 2 recordings replayed through the operator's shell: a {@code magento/2.0} backend on
 * the recorded shop (the simulator, over REST), one recorded scenario per test, checking what
 * landed in the store and which requests were made. The importers and mappers are the ones
 * {@code magento/1.7} uses; only the adapters are Magento 2's.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class Magento2ImportIT extends MagentoTestSupport {

    private static final String SHOP_URL = "itest.magento2.url";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    RecordStore store;

    @Configuration
    public Option[] config() {
        List<Option> options = karaf();
        options.add(systemProperty(SHOP_URL).value(Magento2Shop.url()));
        options.add(features(featuresUrl(), "connector-magento2"));
        return options.toArray(new Option[0]);
    }

    private static String shop() {
        return System.getProperty(SHOP_URL);
    }

    /** Backend "shop2" (magento/2.0) on the recorded shop, its metadata imported: what every scenario starts from. */
    @Before
    public void shopWithMetadata() throws Exception {
        if (backends.find("shop2").isEmpty()) {
            execute("connector:backend-add --location " + shop() + " --token " + Magento2Shop.TOKEN + " shop2 magento/2.0");
            await(() -> backends.find("shop2").isPresent());
            execute("connector:import --sync shop2 metadata");
        }
        clearCalls();
    }

    @Test
    public void metadataImportsTheWebsiteItsStoreAndItsStoreView() throws Exception {
        assertThat(json("connector:bindings --json shop2 magento.website")).extracting(w -> w.get("external_id"))
                .containsExactly("1");
        List<Map<String, Object>> views = json("connector:records --json magento.storeview");
        assertThat(views).as("the admin's store view 0 is not a part of the shop").hasSize(1);
        assertThat(views.get(0)).containsEntry("code", "default").containsEntry("name", "Default Store View")
                .containsEntry("is_active", true);
        Map<String, Object> store = json("connector:records --json --where id=" + views.get(0).get("store_id") + " magento.store").get(0);
        assertThat(store).containsEntry("name", "Main Website Store");
        assertThat(json("connector:records --json --where id=" + store.get("website_id") + " magento.website").get(0))
                .containsEntry("code", "base").containsEntry("name", "Main Website");
    }

    @Test
    public void aCustomerGroupBecomesACategoryAndReusesOneWithTheSameName() throws Exception {
        long wholesale = store.inTransaction(s -> s.create("res.partner.category", Map.of("name", "Wholesale")));
        assertThat(execute("connector:import-record shop2 magento.res.partner.category 2"))
                .contains("Created magento.res.partner.category 2 of backend shop2");
        assertThat(json("connector:bindings --json --external-id 2 shop2 magento.res.partner.category").get(0))
                .containsEntry("record_id", (int) wholesale);
        assertThat(json("connector:records --json --where name=Wholesale res.partner.category")).hasSize(1);
        assertThat(calls("GET customerGroups/{id}")).containsExactly(Map.of("id", "2"));

        // test_import_partner_category: the batch makes a category for a group whose name none has.
        assertThat(execute("connector:import --wait shop2 customer-groups")).contains("failed: 0");
        assertThat(json("connector:bindings --json shop2 magento.res.partner.category")).extracting(b -> b.get("external_id"))
                .contains("1", "2");
        assertThat(json("connector:records --json --where name=General res.partner.category")).hasSize(1);
        assertThat(json("connector:records --json --where name=Wholesale res.partner.category")).as("still the one").hasSize(1);
    }

    @Test
    public void aCompanyWithOneAddressIsNamedAfterItsCompanyInOneRequest() throws Exception {
        execute("connector:import-record shop2 magento.res.partner 5");
        Map<String, Object> drew = partnerOf("5");
        assertThat(drew).containsEntry("is_company", true).containsEntry("name", "DF Services")
                .containsEntry("email", "drew@france.com");
        assertThat(childrenOf(drew.get("id"))).singleElement().satisfies(contact -> assertThat(contact)
                .containsEntry("type", "invoice").containsEntry("street", "Company address").containsEntry("city", "City")
                .containsEntry("name", "Drew France"));
        assertThat(json("connector:bindings --json --external-id 6 shop2 magento.address")).hasSize(1);
        assertThat(calls("GET customers/{id}")).as("the reference reads the customer twice").containsExactly(Map.of("id", "5"));
    }

    @Test
    public void anIndividualWithTwoAddressesKeepsBillingAndGetsAnother() throws Exception {
        execute("connector:import-record shop2 magento.res.partner 3");
        Map<String, Object> partner = partnerOf("3");
        assertThat(partner).containsEntry("is_company", false);
        assertThat(partner.get("street")).as("the billing address merged into the partner").isNotNull();
        assertThat(childrenOf(partner.get("id"))).hasSize(1);
        assertThat(json("connector:bindings --json shop2 magento.address")).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    public void aCustomerWithoutAddressesIsImportedAlone() throws Exception {
        execute("connector:import-record shop2 magento.res.partner 2");
        Map<String, Object> partner = partnerOf("2");
        assertThat(partner.get("email")).isNotNull();
        assertThat(childrenOf(partner.get("id"))).isEmpty();
    }

    @Test
    public void aCategoryWhoseParentsAreMissingImportsThemFirst() throws Exception {
        execute("connector:import-record shop2 magento.product.category 41");
        Map<String, Object> root = category("1");
        assertThat(root).containsEntry("name", "Root Catalog").containsEntry("parent_id", null);
        Map<String, Object> two = category("2");
        assertThat(two).containsEntry("parent_id", root.get("id"));
        assertThat(category("20")).containsEntry("parent_id", two.get("id"));
        assertThat(category("41").get("parent_id")).isEqualTo(category("22").get("id"));
        assertThat(calls("GET categories/{id}")).extracting(args -> args.get("id"))
                .as("each category read once, the child first, then up the chain to those imported before")
                .startsWith("41", "22", "20").doesNotHaveDuplicates().isSubsetOf("41", "22", "20", "2", "1");
    }

    @Test
    public void aProductIsBoundByItsSkuAfterItsCategories() throws Exception {
        assertThat(execute("connector:import-record shop2 magento.product.product 24-WG02"))
                .contains("Created magento.product.product 24-WG02 of backend shop2");
        List<Map<String, Object>> bindings = json("connector:bindings --json --external-id 24-WG02 shop2 magento.product.product");
        assertThat(bindings).hasSize(1);
        Map<String, Object> watch = json("connector:records --json --where id=" + bindings.get(0).get("record_id")
                + " product.product").get(0);
        assertThat(watch).containsEntry("name", "Didi Sport Watch").containsEntry("type", "product").containsEntry("active", true);
        for (String category : List.of("3", "7", "6", "8")) {
            category(category);
        }
        assertThat(calls("GET products/{sku}")).containsExactly(Map.of("sku", "24-WG02"));
    }

    /** The recorded orders' payment method, with the rule an operator gives it on a first import. */
    private void checkmoAlways() {
        store.inTransaction(s -> s.query("sale.payment.method").where("name", "=", "checkmo").first()
                .orElseGet(() -> s.create("sale.payment.method", Map.of("name", "checkmo", "import_rule", "always"))));
    }

    @Test
    public void anIncrementalImportSearchesTheWindowOnTheShopsSide() throws Exception {
        String out = execute("connector:import --wait --since 2020-04-24 shop2 partners");
        assertThat(out).contains("failed: 0");
        List<Map<String, Object>> searches = callsWithQuery("GET customers/search");
        assertThat(searches).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> query = (Map<String, Object>) searches.get(0).get("query");
        assertThat(query).containsEntry("searchCriteria[filter_groups][0][filters][0][field]", "updated_at")
                .containsEntry("searchCriteria[filter_groups][0][filters][0][condition_type]", "from")
                .containsEntry("searchCriteria[filter_groups][0][filters][0][value]", "2020-04-24 00:00:00")
                .containsEntry("searchCriteria[filter_groups][2][filters][0][field]", "website_id")
                .containsEntry("searchCriteria[filter_groups][2][filters][0][condition_type]", "in")
                .containsEntry("fields", "items[id]");
        // Of the shop's customers 1, 2, 3 and 5, those changed since the 24th of April 2020.
        assertThat(calls("GET customers/{id}")).extracting(args -> args.get("id")).containsExactlyInAnyOrder("3", "5");
    }

    /**
     * The two order recordings in their order: order 9 imported while new (import_sale_order_9);
     * then edited in the shop into order 10, which cancels 9 there; order 10 imported
     * (import_sale_order_10) by entity id, linked to 9, which is cancelled here too.
     */
    @Test
    public void anOrderEditedInTheShopImportsLinkedToItsCancelledParent() throws Exception {
        checkmoAlways();
        assertThat(execute("connector:import-record shop2 magento.sale.order 9")).contains("Created magento.sale.order 9 of backend shop2");
        Map<String, Object> nine = bound("magento.sale.order", "9", "sale.order").get(0);
        assertThat(nine).containsEntry("name", "000000013").containsEntry("state", "draft");
        cancelInTheShop("9");

        assertThat(execute("connector:import-record shop2 magento.sale.order 10"))
                .contains("Created magento.sale.order 10 of backend shop2");
        assertThat(bound("magento.sale.order", "9", "sale.order").get(0)).as("the parent, edited in the shop")
                .containsEntry("state", "cancel");
        Map<String, Object> tenBinding = json("connector:bindings --json --external-id 10 shop2 magento.sale.order").get(0);
        Map<String, Object> nineBinding = json("connector:bindings --json --external-id 9 shop2 magento.sale.order").get(0);
        assertThat(json("connector:records --json --where id=" + tenBinding.get("id") + " magento.sale.order").get(0))
                .containsEntry("magento_parent_id", nineBinding.get("id"));
        assertThat(json("connector:records --json --where id=" + nineBinding.get("id") + " magento.sale.order").get(0))
                .containsEntry("canceled_in_backend", true);
        Map<String, Object> order = bound("magento.sale.order", "10", "sale.order").get(0);
        assertThat(order).containsEntry("name", "000000013-1").containsEntry("currency_code", "USD").containsEntry("state", "draft");
        assertThat(order.get("amount_total")).hasToString("322.17");
        assertThat(order.get("amount_tax")).hasToString("24.17");
        assertThat(order.get("partner_id")).isEqualTo(partnerOf("1").get("id"));
        Map<String, Object> shipping = json("connector:records --json --where id=" + order.get("partner_shipping_id") + " res.partner").get(0);
        assertThat(shipping).containsEntry("type", "delivery").containsEntry("street", "6146 Honey Bluff Parkway")
                .containsEntry("city", "Calder").containsEntry("parent_id", order.get("partner_id"));
        List<Map<String, Object>> lines = json("connector:records --json --where order_id=" + order.get("id") + " sale.order.line");
        lines.sort(java.util.Comparator.comparing(line -> ((Number) line.get("sequence")).intValue()));
        assertThat(lines).extracting(line -> line.get("kind") + " " + line.get("name") + " x" + line.get("quantity") + " @"
                + line.get("price_unit") + " +tax " + line.get("price_tax") + " " + line.get("notes")).containsExactly(
                // The recordings have no attribute labels: the configurable hoodie's choices keep their ids.
                "product Abominable Hoodie-XS-Blue x1 @69 +tax 5.69 attribute 152: 5593; attribute 93: 5477 [MH09-XS-Blue]",
                "product Racer Back Maxi Dress x1 @224 +tax 18.48 null",
                "shipping Best Way - Table Rate x1 @5 +tax 0 null");
        assertThat(json("connector:bindings --json --external-id MH09-XS-Blue shop2 magento.product.product")).hasSize(1);
        assertThat(calls("GET orders/{id}")).extracting(args -> args.get("id"))
                .as("order 9, order 10, then 10's parent, 9, as the edited chain is walked").containsExactly("9", "10", "9");
        assertThat(calls("GET products/attributes")).as("one attribute search per job").hasSize(2);
    }

    private List<Map<String, Object>> bound(String bindingModel, String externalId, String model) throws Exception {
        List<Map<String, Object>> bindings = json("connector:bindings --json --external-id " + externalId + " shop2 " + bindingModel);
        assertThat(bindings).as(bindingModel + " " + externalId + " imported").hasSize(1);
        return json("connector:records --json --where id=" + bindings.get(0).get("record_id") + " " + model);
    }

    private Map<String, Object> partnerOf(String customerId) throws Exception {
        return bound("magento.res.partner", customerId, "res.partner").get(0);
    }

    private List<Map<String, Object>> childrenOf(Object partnerId) throws Exception {
        return json("connector:records --json --where parent_id=" + partnerId + " res.partner");
    }

    private Map<String, Object> category(String externalId) throws Exception {
        return bound("magento.product.category", externalId, "product.category").get(0);
    }

    /** The shop's requests to {@code route} since the test began, their query included. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> callsWithQuery(String route) throws Exception {
        String path = "/calls?method=" + java.net.URLEncoder.encode(route, java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(shop() + path)).timeout(Duration.ofSeconds(10))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readValue(response.body(), new TypeReference<List<Map<String, Object>>>() { }).stream()
                .map(call -> (Map<String, Object>) ((List<Object>) call.get("args")).get(0)).toList();
    }

    /** What Magento does to an order edited into a new one: cancels it, through the API the state export uses. */
    private static void cancelInTheShop(String entityId) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(shop() + "/index.php/rest/V1/orders"))
                .header("Authorization", "Bearer " + Magento2Shop.TOKEN).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString("{\"entity\": {\"entity_id\": " + entityId
                        + ", \"state\": \"canceled\", \"status\": \"canceled\"}}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** The path parameters (and store view scope) of the shop's requests to {@code route} (e.g. "GET customers/{id}") since the test began. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> calls(String route) throws Exception {
        String path = "/calls?method=" + java.net.URLEncoder.encode(route, java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(shop() + path)).timeout(Duration.ofSeconds(10))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        List<Map<String, Object>> calls = JSON.readValue(response.body(), new TypeReference<List<Map<String, Object>>>() { });
        return calls.stream().map(call -> {
            Map<String, Object> args = new java.util.LinkedHashMap<>((Map<String, Object>) ((List<Object>) call.get("args")).get(0));
            args.keySet().removeAll(List.of("query", "body"));
            return args;
        }).toList();
    }

    private static void clearCalls() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(shop() + "/calls/clear"))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }
}
