package io.connector.magento.simulator;

import static io.connector.magento.simulator.XmlRpcClient.struct;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One generated shop read through both protocols: every customer with its addresses, product,
 * category and order answers the same names, e-mails, streets, SKUs, prices and order lines
 * through XML-RPC's info calls and through REST. And the recorded Magento 2 shop read back
 * through XML-RPC.
 */
@SuppressWarnings("unchecked")
class ProtocolsAgreeTest {

    private static MagentoSimulator magento;
    private static XmlRpcClient xmlRpc;
    private static String session;
    private static RestClient rest;

    @BeforeAll
    static void start() throws Exception {
        magento = MagentoSimulator.builder().generate(GeneratorSpec.parse("customers=25,products=30,categories=8,orders=40,seed=11")).start();
        xmlRpc = new XmlRpcClient(magento.endpoint());
        session = xmlRpc.login();
        rest = new RestClient(magento);
    }

    @AfterAll
    static void stop() {
        magento.stop();
    }

    private static Map<String, Object> info(String method, Object... args) throws Exception {
        return struct(xmlRpc.call(session, method, args));
    }

    private static BigDecimal decimal(Object value) {
        return new BigDecimal(String.valueOf(value));
    }

    private static void sameAmount(String what, Object xmlRpcValue, JsonNode restValue) {
        assertThat(restValue.isNumber()).as(what + " is a number").isTrue();
        assertThat(restValue.decimalValue()).as(what).isEqualByComparingTo(decimal(xmlRpcValue));
    }

    private static List<String> lines(Object street) {
        return List.of(String.valueOf(street).split("\n"));
    }

    @Test
    void customersAndTheirAddressesAgree() throws Exception {
        for (String id : magento.store().customers().ids()) {
            Map<String, Object> customer = info("customer.info", id);
            JsonNode json = rest.get("customers/" + id).json();
            assertThat(json.get("id").asText()).isEqualTo(id);
            for (String field : List.of("email", "firstname", "lastname")) {
                assertThat(json.get(field).asText()).as(id + " " + field).isEqualTo(customer.get(field));
            }
            assertThat(json.get("group_id").asText()).isEqualTo(customer.get("group_id"));
            assertThat(json.get("website_id").asText()).isEqualTo(customer.get("website_id"));
            List<Object> addresses = (List<Object>) xmlRpc.call(session, "customer_address.list", id);
            assertThat(json.get("addresses")).hasSameSizeAs(addresses);
            for (int i = 0; i < addresses.size(); i++) {
                Map<String, Object> address = struct(addresses.get(i));
                JsonNode restAddress = json.get("addresses").get(i);
                assertThat(restAddress.get("id").asText()).isEqualTo(address.get("customer_address_id"));
                List<String> street = new ArrayList<>();
                restAddress.get("street").forEach(line -> street.add(line.asText()));
                assertThat(street).isEqualTo(lines(address.get("street")));
                for (String field : List.of("city", "postcode", "country_id", "telephone", "firstname", "lastname")) {
                    assertThat(restAddress.get(field).asText()).as(id + " address " + field).isEqualTo(address.get(field));
                }
                assertThat(restAddress.path("default_billing").asBoolean()).isEqualTo(address.get("is_default_billing"));
                assertThat(restAddress.path("default_shipping").asBoolean()).isEqualTo(address.get("is_default_shipping"));
                assertThat(restAddress.path("company").asText(null)).isEqualTo(address.get("company"));
            }
        }
    }

    @Test
    void productsAgreeWithTheirImagesAndStock() throws Exception {
        for (String id : magento.store().products().ids()) {
            Map<String, Object> product = info("catalog_product.info", id, null, null, "id");
            JsonNode json = rest.get("products/" + product.get("sku")).json();
            assertThat(json.get("id").asText()).isEqualTo(id);
            assertThat(json.get("name").asText()).isEqualTo(product.get("name"));
            assertThat(json.get("type_id").asText()).isEqualTo(product.get("type_id"));
            sameAmount(id + " price", product.get("price"), json.get("price"));
            assertThat(json.get("status").asText()).isEqualTo(product.get("status"));
            List<String> categories = new ArrayList<>();
            json.get("extension_attributes").path("category_links").forEach(link -> categories.add(link.get("category_id").asText()));
            assertThat(categories).isEqualTo(product.get("category_ids"));
            JsonNode description = null;
            for (JsonNode attribute : json.get("custom_attributes")) {
                if (attribute.get("attribute_code").asText().equals("description")) {
                    description = attribute.get("value");
                }
            }
            assertThat(description).isNotNull();
            assertThat(description.asText()).isEqualTo(product.get("description"));
            List<Object> images = (List<Object>) xmlRpc.call(session, "product_media.list", id, null, "id");
            assertThat(json.get("media_gallery_entries")).hasSameSizeAs(images);
            for (int i = 0; i < images.size(); i++) {
                assertThat(json.get("media_gallery_entries").get(i).get("file").asText()).isEqualTo(struct(images.get(i)).get("file"));
            }
            Map<String, Object> stock = struct(((List<Object>) xmlRpc.call(session, "cataloginventory_stock_item.list", List.of(id))).get(0));
            sameAmount(id + " qty", stock.get("qty"), json.at("/extension_attributes/stock_item/qty"));
        }
    }

    @Test
    void categoriesAgree() throws Exception {
        for (String id : magento.store().categories().ids()) {
            Map<String, Object> category = info("catalog_category.info", id);
            JsonNode json = rest.get("categories/" + id).json();
            assertThat(json.get("name").asText()).isEqualTo(category.get("name"));
            assertThat(json.get("parent_id").asText()).isEqualTo(String.valueOf(category.get("parent_id")));
            assertThat(json.get("level").asText()).isEqualTo(category.get("level"));
            assertThat(json.get("position").asText()).isEqualTo(category.get("position"));
            assertThat(json.get("path").asText()).isEqualTo(category.get("path"));
            assertThat(json.get("children").asText()).isEqualTo(category.get("children"));
        }
        JsonNode tree = rest.get("categories?rootCategoryId=1").json();
        assertThat(tree.get("id").asInt()).isEqualTo(1);
        assertThat(tree.at("/children_data/0/id").asInt()).isEqualTo(2);
        assertThat(count(tree)).isEqualTo(magento.store().categories().size());
    }

    private static int count(JsonNode node) {
        int total = 1;
        for (JsonNode child : node.get("children_data")) {
            total += count(child);
        }
        return total;
    }

    @Test
    void aConfigurableItemsChoicesAreLabelledByTheAttributeSearch() throws Exception {
        int labelled = 0;
        for (String incrementId : magento.store().orders().ids()) {
            Map<String, Object> order = info("sales_order.info", incrementId);
            for (Object entry : (List<Object>) order.get("items")) {
                Map<String, Object> item = struct(entry);
                String options = String.valueOf(item.get("product_options"));
                if (!"configurable".equals(item.get("product_type")) || !options.contains("attributes_info")) {
                    continue;
                }
                JsonNode restItem = null;
                for (JsonNode candidate : rest.get("orders/" + order.get("order_id")).json().get("items")) {
                    if (candidate.get("item_id").asText().equals(String.valueOf(item.get("item_id")))) {
                        restItem = candidate;
                    }
                }
                assertThat(restItem).as("item " + item.get("item_id") + " over REST").isNotNull();
                for (JsonNode chosen : restItem.at("/product_option/extension_attributes/configurable_item_options")) {
                    JsonNode found = rest.get("products/attributes?searchCriteria%5Bfilter_groups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bfield%5D=attribute_id"
                            + "&searchCriteria%5Bfilter_groups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bvalue%5D=" + chosen.get("option_id").asText()
                            + "&searchCriteria%5Bfilter_groups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bcondition_type%5D=eq").json();
                    assertThat(found.get("items")).hasSize(1);
                    JsonNode attribute = found.get("items").get(0);
                    String label = null;
                    for (JsonNode option : attribute.get("options")) {
                        if (option.get("value").asText().equals(chosen.get("option_value").asText())) {
                            label = attribute.get("default_frontend_label").asText() + ": " + option.get("label").asText();
                        }
                    }
                    // Magento 1 says the same choice in its serialized options, label and value.
                    assertThat(label).as(incrementId + " item " + item.get("item_id")).isNotNull();
                    String[] parts = label.split(": ", 2);
                    assertThat(options).contains("\"" + parts[0] + "\"").contains("\"" + parts[1] + "\"");
                    labelled++;
                }
            }
        }
        assertThat(labelled).as("configurable choices in the generated orders").isGreaterThan(5);
    }

    @Test
    void ordersAgreeLineByLine() throws Exception {
        for (String incrementId : magento.store().orders().ids()) {
            Map<String, Object> order = info("sales_order.info", incrementId);
            JsonNode json = rest.get("orders/" + order.get("order_id")).json();
            assertThat(json.get("increment_id").asText()).isEqualTo(incrementId);
            assertThat(json.get("entity_id").asText()).isEqualTo(order.get("order_id"));
            for (String amount : List.of("grand_total", "base_grand_total", "subtotal", "tax_amount", "shipping_amount", "discount_amount")) {
                sameAmount(incrementId + " " + amount, order.get(amount), json.get(amount));
            }
            for (String field : List.of("state", "status", "customer_email", "created_at")) {
                assertThat(json.get(field).asText()).as(incrementId + " " + field).isEqualTo(order.get(field));
            }
            List<Object> items = (List<Object>) order.get("items");
            assertThat(json.get("items")).hasSameSizeAs(items);
            for (int i = 0; i < items.size(); i++) {
                Map<String, Object> item = struct(items.get(i));
                JsonNode line = json.get("items").get(i);
                assertThat(line.get("item_id").asText()).isEqualTo(item.get("item_id"));
                assertThat(line.get("sku").asText()).isEqualTo(item.get("sku"));
                assertThat(line.get("product_type").asText()).isEqualTo(item.get("product_type"));
                sameAmount(incrementId + " qty_ordered", item.get("qty_ordered"), line.get("qty_ordered"));
                sameAmount(incrementId + " row_total", item.get("row_total"), line.get("row_total"));
                if (item.get("parent_item_id") != null) {
                    assertThat(line.at("/parent_item/item_id").asText()).isEqualTo(item.get("parent_item_id"));
                }
                if ("configurable".equals(item.get("product_type"))) {
                    assertThat(line.at("/product_option/extension_attributes/configurable_item_options")).hasSize(2);
                }
            }
            Map<String, Object> billing = struct(order.get("billing_address"));
            assertThat(json.at("/billing_address/lastname").asText()).isEqualTo(billing.get("lastname"));
            assertThat(json.at("/billing_address/street/0").asText()).isEqualTo(lines(billing.get("street")).get(0));
            JsonNode shipping = json.at("/extension_attributes/shipping_assignments/0/shipping");
            assertThat(shipping.get("method").asText()).isEqualTo(order.get("shipping_method"));
            assertThat(shipping.at("/address/city").asText()).isEqualTo(struct(order.get("shipping_address")).get("city"));
            sameAmount(incrementId + " shipping total", order.get("shipping_amount"), shipping.at("/total/shipping_amount"));
            assertThat(json.at("/payment/method").asText()).isEqualTo(struct(order.get("payment")).get("method"));
            assertThat(json.get("items")).isEqualTo(json.at("/extension_attributes/shipping_assignments/0/items"));
            Object parent = order.get("relation_parent_id");
            assertThat(json.path("relation_parent_id").asText(null)).isEqualTo(parent);
        }
    }

    @Test
    void theStoreStructureAgrees() throws Exception {
        JsonNode views = rest.get("store/storeViews").json();
        for (JsonNode view : views) {
            Map<String, Object> record = info("ol_storeviews.info", view.get("id").asText());
            assertThat(view.get("code").asText()).isEqualTo(record.get("code"));
            assertThat(view.get("name").asText()).isEqualTo(record.get("name"));
            assertThat(view.get("store_group_id").asText()).isEqualTo(record.get("group_id"));
        }
        assertThat(views).hasSize(4);
        JsonNode configs = rest.get("store/storeConfigs").json();
        assertThat(configs).extracting(c -> c.get("locale").asText()).containsExactly("en_US", "fr_FR", "de_DE");
        assertThat(configs.get(0).get("base_media_url").asText()).isEqualTo(magento.url() + "/media/");
        JsonNode groups = rest.get("customerGroups/search?searchCriteria=").json();
        assertThat(groups.get("items")).extracting(g -> g.get("code").asText())
                .containsExactly("NOT LOGGED IN", "General", "Wholesale", "Retailer", "VIP Member");
    }

    @Test
    void theRecordedMagento2ShopReadsThroughXmlRpcToo() throws Exception {
        try (MagentoSimulator recorded = MagentoSimulator.builder().seedFromCassettes(RecordedRestTest.cassettes()).start()) {
            XmlRpcClient client = new XmlRpcClient(recorded.endpoint());
            String login = client.login();
            Map<String, Object> customer = struct(client.call(login, "customer.info", "5"));
            assertThat(customer).containsEntry("email", "drew@france.com").containsEntry("default_billing", "6");
            Map<String, Object> address = struct(((List<Object>) client.call(login, "customer_address.list", "5")).get(0));
            assertThat(address).containsEntry("company", "DF Services").containsEntry("street", "Company address")
                    .containsEntry("is_default_billing", true);
            Map<String, Object> order = struct(client.call(login, "sales_order.info", "000000013-1"));
            assertThat(order).containsEntry("order_id", "10").containsEntry("grand_total", "322.1700").containsEntry("relation_parent_id", "9")
                    .containsEntry("shipping_method", "tablerate_bestway");
            assertThat(struct(((List<Object>) order.get("items")).get(1))).containsEntry("parent_item_id", "19").containsEntry("qty_ordered", "1.0000");
            Map<String, Object> product = struct(client.call(login, "catalog_product.info", "24-WG02", null, null, "sku"));
            assertThat(product).containsEntry("price", "92.0000").containsEntry("category_ids", List.of("3", "7", "6", "8"));
            Map<String, Object> category = struct(client.call(login, "catalog_category.info", "41"));
            assertThat(category).containsEntry("name", "Test magento").containsEntry("parent_id", 22).containsEntry("url_key", "test-magento");
        }
    }
}
