package io.connector.magento.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The REST API's token, routes and error answers, in Magento 2's forms. */
class RestErrorsTest {

    private static MagentoSimulator magento;
    private static RestClient client;

    @BeforeAll
    static void start() {
        magento = MagentoSimulator.builder().generate(GeneratorSpec.of(5, 8, 4).withOrders(6)).start();
        client = new RestClient(magento);
    }

    @AfterAll
    static void stop() {
        magento.stop();
    }

    private static JsonNode json(String text) throws Exception {
        return RestClient.JSON.readTree(text);
    }

    @Test
    void aMissingOrWrongTokenIsRefusedNamingTheRoutesResource() throws Exception {
        for (String token : new String[] {null, "wrong", magento.token() + "x"}) {
            RestClient.Answer answer = new RestClient(magento.url(), token).get("customers/1");
            assertThat(answer.status()).as("token %s", token).isEqualTo(401);
            assertThat(answer.contentType()).isEqualTo("application/json; charset=utf-8");
            assertThat(answer.json()).isEqualTo(json("{\"message\": \"The consumer isn't authorized to access %resources.\","
                    + " \"parameters\": {\"resources\": \"Magento_Customer::customer\"}}"));
        }
        RestClient.Answer products = new RestClient(magento.url(), null).get("products/x");
        assertThat(products.json().at("/parameters/resources").asText()).isEqualTo("Magento_Catalog::products");
        assertThat(client.get("customers/1").status()).isEqualTo(200);
        assertThat(magento.token()).isEqualTo("m59qseoztake3xm1zcvkiv8qnuj09da0");
    }

    @Test
    void theTokenIsTheBuildersChoice() throws Exception {
        try (MagentoSimulator other = MagentoSimulator.builder().token("s3cr3t").generate(GeneratorSpec.of(1, 0, 0)).start()) {
            assertThat(new RestClient(other.url(), "s3cr3t").get("customers/1").status()).isEqualTo(200);
            assertThat(new RestClient(other.url(), MagentoSimulator.DEFAULT_TOKEN).get("customers/1").status()).isEqualTo(401);
        }
    }

    @Test
    void aPathOrMethodWithoutARouteIsAnswered404BeforeAnyToken() throws Exception {
        JsonNode noRoute = json("{\"message\": \"Request does not match any route.\"}");
        RestClient anonymous = new RestClient(magento.url(), null);
        for (String path : List.of("/index.php/rest/V1/nothing", "/index.php/rest/V1/customers/1/nothing", "/index.php/rest/V2/customers/1",
                "/index.php/rest/nowhere/V1/customers/1", "/index.php/rest/")) {
            RestClient.Answer answer = anonymous.send("GET", path, null);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.json()).as(path).isEqualTo(noRoute);
        }
        assertThat(client.send("DELETE", "/index.php/rest/V1/customers/1", null).json()).isEqualTo(noRoute);
        assertThat(client.send("POST", "/index.php/rest/V1/customers/1", "{}").status()).isEqualTo(404);
    }

    @Test
    void theApiAnswersWithAndWithoutIndexPhpAndThroughAStoreView() throws Exception {
        JsonNode customer = client.get("customers/1").json();
        assertThat(client.send("GET", "/rest/V1/customers/1", null).json()).isEqualTo(customer);
        assertThat(client.send("GET", "/index.php/rest/default/V1/customers/1", null).json()).isEqualTo(customer);
        assertThat(client.send("GET", "/rest/all/V1/customers/1", null).json()).isEqualTo(customer);
        assertThat(magento.restUrl()).isEqualTo(magento.url() + "/index.php/rest/V1");
        assertThat(magento.restRoutes()).contains("GET products/{sku}", "PUT products/{sku}/stockItems/{itemId}", "POST order/{id}/invoice");
    }

    @Test
    void anUnknownEntityIsMagentosNoSuchEntity() throws Exception {
        RestClient.Answer customer = client.get("customers/424242");
        assertThat(customer.status()).isEqualTo(404);
        assertThat(customer.json()).isEqualTo(json("{\"message\": \"No such entity with %fieldName = %fieldValue\","
                + " \"parameters\": {\"fieldName\": \"customerId\", \"fieldValue\": 424242}}"));
        assertThat(client.get("customerGroups/42").json()).isEqualTo(json("{\"message\": \"No such entity with %fieldName = %fieldValue\","
                + " \"parameters\": {\"fieldName\": \"id\", \"fieldValue\": 42}}"));
        assertThat(client.get("categories/999").json().get("parameters")).isEqualTo(json("{\"fieldName\": \"id\", \"fieldValue\": 999}"));
        JsonNode noProduct = json("{\"message\": \"The product that was requested doesn't exist. Verify the product and try again.\"}");
        for (String path : List.of("products/nope", "stockItems/nope", "products/nope/media")) {
            RestClient.Answer answer = client.get(path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.json()).as(path).isEqualTo(noProduct);
        }
        assertThat(client.put("products/nope/stockItems/1", "{\"stockItem\": {\"qty\": 1}}").json()).isEqualTo(noProduct);
        JsonNode noOrder = json("{\"message\": \"The entity that was requested doesn't exist. Verify the entity and try again.\"}");
        for (String path : List.of("orders/999", "invoices/999", "shipment/999")) {
            RestClient.Answer answer = client.get(path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.json()).as(path).isEqualTo(noOrder);
        }
        assertThat(client.post("order/999/invoice", "{}").json()).isEqualTo(noOrder);
    }

    @Test
    void badInputIsA400SayingWhat() throws Exception {
        RestClient.Answer noEntity = client.post("orders", "{\"order\": {}}");
        assertThat(noEntity.status()).isEqualTo(400);
        assertThat(noEntity.json()).isEqualTo(json("{\"message\": \"\\\"%fieldName\\\" is required. Enter and try again.\","
                + " \"parameters\": {\"fieldName\": \"entity\"}}"));
        RestClient.Answer notJson = client.post("orders", "{\"entity\": ");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json()).isEqualTo(json("{\"message\": \"Decoding error.\"}"));
        RestClient.Answer noCriteria = client.get("products");
        assertThat(noCriteria.status()).isEqualTo(400);
        assertThat(noCriteria.json().at("/parameters/fieldName").asText()).isEqualTo("searchCriteria");
        RestClient.Answer badCondition = client.get("products?searchCriteria[filter_groups][0][filters][0][field]=sku"
                + "&searchCriteria[filter_groups][0][filters][0][value]=x&searchCriteria[filter_groups][0][filters][0][condition_type]=near");
        assertThat(badCondition.status()).isEqualTo(400);
        assertThat(badCondition.json()).isEqualTo(json("{\"message\": \"Invalid value of \\\"%value\\\" provided for the %fieldName field.\","
                + " \"parameters\": {\"value\": \"near\", \"fieldName\": \"condition_type\"}}"));
        RestClient.Answer badQty = client.put("products/" + sku() + "/stockItems/1", "{\"stockItem\": {\"qty\": \"lots\"}}");
        assertThat(badQty.status()).isEqualTo(400);
    }

    @Test
    void invoicingMoreThanOrderedOrAnItemOfNoOrderIsRefused() throws Exception {
        try (MagentoSimulator shop = MagentoSimulator.builder().generate(GeneratorSpec.of(5, 8, 4).withOrders(6)).start()) {
            RestClient rest = new RestClient(shop);
            JsonNode order = rest.get("orders/1").json();
            JsonNode item = order.get("items").get(0);
            String itemId = item.get("item_id").asText();
            int ordered = item.get("qty_ordered").asInt();
            RestClient.Answer tooMany = rest.post("order/1/invoice", "{\"items\": [{\"orderItemId\": " + itemId + ", \"qty\": " + (ordered + 1) + "}]}");
            assertThat(tooMany.status()).isEqualTo(400);
            assertThat(tooMany.json().get("message").asText()).isEqualTo("Invoice Document Validation Error(s):\n"
                    + "The quantity to invoice must not be greater than the uninvoiced quantity for product SKU \"" + item.get("sku").asText() + "\".");
            RestClient.Answer stranger = rest.post("order/1/invoice", "{\"items\": [{\"orderItemId\": 987654, \"qty\": 1}]}");
            assertThat(stranger.json().get("message").asText())
                    .isEqualTo("Invoice Document Validation Error(s):\nThe invoice contains one or more items that are not part of the original order.");
            RestClient.Answer badQty = rest.post("order/1/invoice", "{\"items\": [{\"orderItemId\": " + itemId + ", \"qty\": \"one\"}]}");
            assertThat(badQty.status()).isEqualTo(400);
            assertThat(badQty.json().get("parameters")).isEqualTo(json("{\"value\": \"one\", \"type\": \"float\"}"));
            assertThat(shop.store().invoices().isEmpty()).as("nothing refused was written").isTrue();

            RestClient.Answer unknownShipped = rest.post("order/1/ship", "{\"items\": [{\"order_item_id\": 987654, \"qty\": 1}]}");
            assertThat(unknownShipped.status()).isEqualTo(400);
            assertThat(unknownShipped.json()).isEqualTo(json("{\"message\": \"Shipment Document Validation Error(s):\\n"
                    + "You can't create a shipment without products.\"}"));

            assertThat(rest.post("order/1/invoice", "{}").status()).isEqualTo(200);
            RestClient.Answer again = rest.post("order/1/invoice", "{\"items\": []}");
            assertThat(again.status()).isEqualTo(400);
            assertThat(again.json().get("message").asText()).isEqualTo("Invoice Document Validation Error(s):\nYou can't create an invoice without products.");
            rest.post("orders", "{\"entity\": {\"entity_id\": 1, \"state\": \"canceled\", \"status\": \"canceled\"}}");
            assertThat(rest.post("order/1/ship", "{}").json().get("message").asText())
                    .isEqualTo("Shipment Document Validation Error(s):\nThe order does not allow a shipment to be created.");
        }
    }

    @Test
    void aTrackOfNoShipmentIsNotSaved() throws Exception {
        RestClient.Answer answer = client.post("shipment/track", "{\"entity\": {\"parent_id\": 999, \"order_id\": 1, \"track_number\": \"X\"}}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json()).isEqualTo(json("{\"message\": \"Could not save the shipment tracking.\"}"));
        assertThat(magento.store().tracks().isEmpty()).isTrue();
    }

    @Test
    void aSkuIsUrlQuotedInThePathAsTheReferenceQuotesIt() throws Exception {
        try (MagentoSimulator shop = MagentoSimulator.builder().generate(GeneratorSpec.of(1, 3, 2)).start()) {
            shop.store().products().set("1", "sku", "bla/koe");
            shop.store().products().set("2", "sku", "a b+c");
            RestClient rest = new RestClient(shop);
            assertThat(rest.get("products/bla%2Fkoe").json().get("id").asInt()).isEqualTo(1);
            // quote_plus writes a space as + and a + as %2B.
            assertThat(rest.get("products/a+b%2Bc").json().get("id").asInt()).isEqualTo(2);
            assertThat(rest.get("stockItems/bla%2Fkoe").json().get("product_id").asInt()).isEqualTo(1);
            assertThat(rest.put("products/bla%2Fkoe/stockItems/1", "{\"stockItem\": {\"qty\": 3}}").json().asText()).isEqualTo("1");
            assertThat(shop.store().stockItems().get("1").orElseThrow()).containsEntry("qty", 3);
            assertThat(rest.get("products/bla/koe").status()).as("a slash that is not quoted is another path").isEqualTo(404);
            assertThat(shop.calls()).first().satisfies(call -> assertThat(call.args()).containsExactly(java.util.Map.of("sku", "bla/koe")));
        }
    }

    private static String sku() {
        return String.valueOf(magento.store().products().get("1").orElseThrow().get("sku"));
    }
}
