package io.connector.itests.magento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import io.connector.api.store.RecordStore;
import io.connector.magento.v17.client.MagentoClient;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Imports from the Magento simulator through the operator's shell commands, one recorded scenario
 * per test, and checks what landed in the store. The simulator runs in the test driver's JVM.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MagentoImportIT extends MagentoTestSupport {

    @Inject
    RecordStore store;

    @Configuration
    public Option[] config() {
        return karafWithSimulator().toArray(new Option[0]);
    }

    /** Backend "shop" (magento/1.7) on the simulator, its metadata imported: what every scenario starts from. */
    @Before
    public void shopWithMetadata() throws Exception {
        if (backends.find("shop").isEmpty()) {
            addShop("shop", "magento/1.7");
            execute("connector:import --sync shop metadata");
        }
    }

    private Map<String, Object> partnerOf(String customerId) throws Exception {
        List<Map<String, Object>> bindings = json("connector:bindings --json --external-id " + customerId
                + " shop magento.res.partner");
        assertThat(bindings).as("binding of customer " + customerId).hasSize(1);
        Number record = (Number) bindings.get(0).get("record_id");
        return json("connector:records --json --where id=" + record + " res.partner").get(0);
    }

    private List<Map<String, Object>> childrenOf(Object partnerId) throws Exception {
        return json("connector:records --json --where parent_id=" + partnerId + " res.partner");
    }

    @Test
    public void metadataImportsWebsitesStoresAndStoreViewsInOrder() throws Exception {
        List<Map<String, Object>> websites = json("connector:bindings --json shop magento.website");
        assertThat(websites).extracting(w -> w.get("external_id")).containsExactlyInAnyOrder("0", "1");
        List<Map<String, Object>> views = json("connector:records --json --where code=default magento.storeview");
        assertThat(views).hasSize(1);
        Map<String, Object> store = json("connector:records --json --where id=" + views.get(0).get("store_id")
                + " magento.store").get(0);
        assertThat(json("connector:records --json --where id=" + store.get("website_id") + " magento.website").get(0))
                .containsEntry("code", "base");
        assertThat(json("connector:records --json magento.storeview")).hasSize(4);
    }

    @Test
    public void aCustomerGroupBecomesACategoryAndReusesOneWithTheSameName() throws Exception {
        long wholesale = store.inTransaction(s -> s.create("res.partner.category", Map.of("name", "Wholesale")));
        assertThat(execute("connector:import-record shop magento.res.partner.category 2"))
                .contains("Created magento.res.partner.category 2 of backend shop");
        assertThat(json("connector:bindings --json --external-id 2 shop magento.res.partner.category").get(0))
                .containsEntry("record_id", (int) wholesale);
        assertThat(json("connector:records --json --where name=Wholesale res.partner.category")).hasSize(1);

        execute("connector:import-record shop magento.res.partner.category 1");
        assertThat(json("connector:records --json --where name=General res.partner.category")).hasSize(1);
    }

    @Test
    public void aCompanyWithTwoAddressesHasThemAsContacts() throws Exception {
        execute("connector:import-record shop magento.res.partner 99");
        Map<String, Object> clay = partnerOf("99");
        assertThat(clay).containsEntry("name", "Clay Lock").containsEntry("is_company", true)
                .containsEntry("email", "clay@example.com");
        List<Map<String, Object>> contacts = childrenOf(clay.get("id"));
        assertThat(contacts).extracting(c -> c.get("type") + " " + c.get("street"))
                .containsExactlyInAnyOrder("invoice Bride Path", "delivery May Street");
        assertThat(json("connector:bindings --json shop magento.address")).extracting(b -> b.get("external_id"))
                .contains("68", "98");
    }

    @Test
    public void aCompanyWithOneAddressHasItAsItsInvoiceContact() throws Exception {
        execute("connector:import-record shop magento.res.partner 104");
        Map<String, Object> drew = partnerOf("104");
        assertThat(drew).containsEntry("is_company", true).containsEntry("name", "Drew France");
        assertThat(childrenOf(drew.get("id"))).singleElement().satisfies(a -> assertThat(a).containsEntry("type", "invoice"));
    }

    @Test
    public void anIndividualsBillingAddressIsMergedIntoThePartner() throws Exception {
        execute("connector:import-record shop magento.res.partner 136");
        Map<String, Object> jane = partnerOf("136");
        assertThat(jane).containsEntry("is_company", false).containsEntry("name", "Jane Doe")
                .containsEntry("type", "contact");
        assertThat(jane.get("street")).isNotNull();
        assertThat(jane.get("country_code")).isNotNull();
        assertThat(childrenOf(jane.get("id"))).isEmpty();
        assertThat(json("connector:bindings --json --external-id 92 shop magento.address").get(0))
                .containsEntry("record_id", jane.get("id"));
    }

    @Test
    public void anIndividualWithTwoAddressesKeepsBillingAndGetsADeliveryAddress() throws Exception {
        execute("connector:import-record shop magento.res.partner 65");
        Map<String, Object> tay = partnerOf("65");
        assertThat(tay).containsEntry("is_company", false).containsEntry("street", "Canal Street");
        assertThat(childrenOf(tay.get("id"))).singleElement().satisfies(a -> assertThat(a)
                .containsEntry("type", "delivery").containsEntry("street", "River Street"));
        assertThat(json("connector:records --json --where id=" + tay.get("id") + " res.partner").get(0).get("category_ids"))
                .as("group 4 (VIP Member) imported first, as a category").asList().hasSize(1);
        assertThat(json("connector:records --json --where \"name=VIP Member\" res.partner.category")).hasSize(1);
    }

    @Test
    public void aCustomerWithoutAddressesIsImportedAlone() throws Exception {
        execute("connector:import-record shop magento.res.partner 139");
        Map<String, Object> benjamin = partnerOf("139");
        assertThat(benjamin).containsEntry("email", "benjamin@example.com");
        assertThat(childrenOf(benjamin.get("id"))).isEmpty();
    }

    @Test
    public void aSecondImportOfAnUnchangedCustomerDoesNothingUnlessForced() throws Exception {
        execute("connector:import-record shop magento.res.partner 136");
        assertThat(execute("connector:import-record shop magento.res.partner 136"))
                .contains("Already up to date: magento.res.partner 136 of backend shop");
        assertThat(execute("connector:import-record --force shop magento.res.partner 136"))
                .contains("Updated magento.res.partner 136 of backend shop");
    }

    @Test
    public void aCategoryWhoseParentsAreMissingImportsThemFirst() throws Exception {
        execute("connector:import-record shop magento.product.category 26");
        Map<String, Object> women = category("26");
        Map<String, Object> sale = category("8");
        Map<String, Object> defaultCategory = category("2");
        Map<String, Object> root = category("1");
        assertThat(women).containsEntry("name", "Women").containsEntry("parent_id", sale.get("id"));
        assertThat(sale).containsEntry("name", "Sale").containsEntry("parent_id", defaultCategory.get("id"));
        assertThat(defaultCategory).containsEntry("parent_id", root.get("id"));
        assertThat(root).containsEntry("name", "Root Catalog").containsEntry("parent_id", null);
    }

    private Map<String, Object> category(String externalId) throws Exception {
        List<Map<String, Object>> bindings = json("connector:bindings --json --external-id " + externalId
                + " shop magento.product.category");
        assertThat(bindings).as("category " + externalId + " imported").hasSize(1);
        return json("connector:records --json --where id=" + bindings.get(0).get("record_id") + " product.category").get(0);
    }

    @Test
    public void aProductComesAfterItsCategories() throws Exception {
        execute("connector:import-record shop magento.product.product 337");
        List<Map<String, Object>> bindings = json("connector:bindings --json --external-id 337 shop magento.product.product");
        Map<String, Object> aviator = json("connector:records --json --where id=" + bindings.get(0).get("record_id")
                + " product.product").get(0);
        assertThat(aviator).containsEntry("name", "Aviator Sunglasses").containsEntry("sku", "ace000")
                .containsEntry("type", "product").containsEntry("active", true);
        assertThat(new BigDecimal(aviator.get("price").toString())).isEqualByComparingTo("295");
        assertThat(aviator.get("category_ids")).asList().containsExactly(category("18").get("id"));
    }

    @Test
    public void configurableProductsAreSkippedAndUnsupportedTypesRejected() throws Exception {
        assertThat(execute("connector:import-record shop magento.product.product 9001"))
                .contains("Skipped magento.product.product 9001 of backend shop: a configurable product");
        assertThat(json("connector:bindings --json --external-id 9001 shop magento.product.product")).isEmpty();
        assertThatThrownBy(() -> execute("connector:import-record shop magento.product.product 9002"))
                .hasMessageContaining("magento.product.product 9002 of backend shop (sku bdl001): product type 'bundle' "
                        + "cannot be represented");
        execute("connector:import-record shop magento.product.product 9003");
        assertThat(json("connector:records --json --where sku=ebook01 product.product").get(0))
                .as("a downloadable product is a service").containsEntry("type", "service");
    }

    @Test
    public void badInputIsRefusedWithAMessageThatNamesIt() throws Exception {
        assertThatThrownBy(() -> execute("connector:import nowhere partners"))
                .hasMessageStartingWith("No backend called 'nowhere' is configured");
        assertThatThrownBy(() -> execute("connector:import shop everything"))
                .hasMessage("Unknown import 'everything' for backend shop (magento/1.7); one of: metadata, customer-groups, "
                        + "partners, product-categories, products, sale-orders");
        assertThatThrownBy(() -> execute("connector:import --since yesterday shop partners"))
                .hasMessageContaining("--since 'yesterday' is not a date-time");
        assertThatThrownBy(() -> execute("connector:import --since 2026-01-01 shop metadata"))
                .hasMessage("Import 'metadata' always imports everything; it takes no --since");
        assertThatThrownBy(() -> execute("connector:import-record shop magento.no.such.model 1"))
                .hasMessageContaining("magento.no.such.model");
        assertThatThrownBy(() -> execute("connector:import-record shop magento.res.partner 424242"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Exception"));
    }

    @Test
    public void anUnreachableShopOrAWrongKeyIsAClearErrorThatKeepsTheKeySecret() throws Exception {
        execute("connector:backend-add --location http://127.0.0.1:1 --username odoo --password s3cr3t down magento/1.7");
        execute("connector:backend-add --location " + simulator() + " --username odoo --password wrong-key-42 locked "
                + "magento/1.7");
        await(() -> backends.find("down").isPresent() && backends.find("locked").isPresent());
        assertThatThrownBy(() -> execute("connector:import-record down magento.res.partner 99"))
                .hasMessageStartingWith("Backend down: cannot reach Magento at http://127.0.0.1:1/index.php/api/xmlrpc")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t"));
        assertThatThrownBy(() -> execute("connector:import-record locked magento.res.partner 99"))
                .hasMessageContaining("Backend locked: Magento refused the API user 'odoo' (fault 2")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-key-42"));

        // Delayed, the same failure is kept on the job, to be retried once the shop answers.
        String uuid = lastWord(execute("connector:import down customer-groups"));
        String job = awaitJob(uuid, "cannot reach Magento");
        assertThat(job).contains("import_batch").doesNotContain("s3cr3t");

        // A batch that could not search does not move where the next incremental import starts.
        String categories = lastWord(execute("connector:import down product-categories"));
        awaitJob(categories, "cannot reach Magento");
        assertThat(execute("connector:import down")).contains("product-categories").doesNotContain("next from");
    }

    @Test
    public void aRecordWithBrokenDataFailsItsJobWithTheBackendModelAndId() throws Exception {
        String badDate = lastWord(execute("connector:import-record --delay shop magento.res.partner 9101"));
        assertThat(awaitJob(badDate, "failed")).contains("magento.res.partner 9101 of backend shop: updated_at: "
                + "Unparsable date 'yesterday'").contains("external_id");
        String noName = lastWord(execute("connector:import-record --delay shop magento.res.partner 9102"));
        assertThat(awaitJob(noName, "failed")).contains("magento.res.partner 9102 of backend shop").contains("name");
        assertThat(json("connector:bindings --json --external-id 9102 shop magento.res.partner")).as("nothing half-written")
                .isEmpty();
        assertThat(execute("connector:job-retry " + noName)).contains(noName);
    }

    @Test
    public void theCustomerSpecificVersionMapsGenderAndWhereTheCustomerWasCreated() throws Exception {
        execute("feature:install connector-magento-specific");
        addShop("special", "magento/1.7-specific");
        execute("connector:import --sync special metadata");
        execute("connector:import-record special magento.res.partner 9103");
        List<Map<String, Object>> binding = json("connector:bindings --json --external-id 9103 special magento.res.partner");
        Map<String, Object> alex = json("connector:records --json --where id=" + binding.get(0).get("record_id")
                + " res.partner").get(0);
        assertThat(alex).containsEntry("name", "Alex Martin").containsEntry("gender", "female");
        assertThat(json("connector:records --json --where id=" + binding.get(0).get("id") + " magento.res.partner").get(0))
                .containsEntry("created_in", "French Store View");

        // A backend of plain 1.7 does not get it.
        execute("connector:import-record --force shop magento.res.partner 9103");
        Map<String, Object> shopBinding = json("connector:bindings --json --external-id 9103 shop magento.res.partner").get(0);
        assertThat(json("connector:records --json --where id=" + shopBinding.get("id") + " magento.res.partner").get(0))
                .containsEntry("created_in", null);
    }

    @Test
    public void aProductWithoutCategoriesAndTheRootCategoryImportAlone() throws Exception {
        execute("connector:import-record shop magento.product.category 1");
        assertThat(category("1")).containsEntry("name", "Root Catalog").containsEntry("parent_id", null);
        execute("connector:import-record shop magento.product.product 879");
        List<Map<String, Object>> bindings = json("connector:bindings --json --external-id 879 shop magento.product.product");
        Map<String, Object> cami = json("connector:records --json --where id=" + bindings.get(0).get("record_id")
                + " product.product").get(0);
        assertThat(cami).containsEntry("name", "NoLIta Cami-Pink-L").containsEntry("sku", "wbk000c-Pink-L")
                .containsEntry("type", "product");
        assertThat(new BigDecimal(cami.get("price").toString())).isEqualByComparingTo("150");
        assertThat(new BigDecimal(cami.get("weight").toString())).isEqualByComparingTo("1");
        assertThat(cami.get("category_ids")).asList().isEmpty();
    }

    @Test
    public void wholeImportsRunAsJobsAndTheWaitReportsWhatFailed() throws Exception {
        assertThat(execute("connector:import --wait shop customer-groups")).contains("failed: 0");
        assertThat(json("connector:bindings --json shop magento.res.partner.category")).extracting(b -> b.get("external_id"))
                .contains("0", "1", "2", "4");

        String partners = execute("connector:import --wait shop partners");
        // 9101's updated_at does not parse, so a search bounded by dates does not find it; 9102 has no name.
        assertThat(partners).as(partners).contains("failed: 1").contains("magento.res.partner 9102 of backend shop: Missing "
                + "required value for res.partner.name").contains("connector:job-retry");
        assertThat(json("connector:bindings --json shop magento.res.partner")).extracting(b -> b.get("external_id"))
                .contains("65", "99", "104", "136", "139", "9103").doesNotContain("9101", "9102");

        assertThat(execute("connector:import --wait shop product-categories")).contains("failed: 0");
        assertThat(json("connector:bindings --json shop magento.product.category")).extracting(b -> b.get("external_id"))
                .contains("1", "2", "4", "6", "8", "13", "18", "26", "28");

        String products = execute("connector:import --wait shop products");
        assertThat(products).as(products).contains("failed: 1").contains("product type 'bundle' cannot be represented");
        assertThat(json("connector:bindings --json shop magento.product.product")).extracting(b -> b.get("external_id"))
                .contains("302", "337", "338", "512", "879", "9003").doesNotContain("9001", "9002");
        assertThat(execute("connector:jobs --wait --backend shop --timeout 30")).contains("Done: 0, failed: 0");
    }

    @Test
    public void aChunkWithABrokenRecordLandsTheOthersAndLeavesThatRecordsOwnJobToRetry() throws Exception {
        addShop("chunks", "magento/1.7");
        execute("connector:import --sync chunks metadata");
        assertThat(execute("connector:import --wait chunks customer-groups")).contains("failed: 0");
        try (MagentoClient shop = new MagentoClient("itest", simulator(), SimulatorLauncher.USER, SimulatorLauncher.API_KEY,
                HttpClient.newHttpClient(), Duration.ofSeconds(10))) {
            // Only 9102 (no name) and 9103 changed since: the import's one chunk. The other
            // customers stay out, so the scenarios that count their addresses see them once.
            String since = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusSeconds(1)
                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
            Map<String, Object> noName = new HashMap<>();
            noName.put("firstname", null);
            noName.put("lastname", null);
            shop.call("customer.update", List.of(9102, noName));
            shop.call("customer.update", List.of(9103, Map.of("lastname", "Martin")));
            Thread.sleep(1100); // past the second of the changes: the import's upper bound is inclusive to the second

            String partners = execute("connector:import --wait --chunk 100 --since " + since + " chunks partners");
            assertThat(partners).as(partners).contains("Done: 2, failed: 1").contains("magento.res.partner 9102 of backend "
                    + "chunks: Missing required value for res.partner.name");
            assertThat(json("connector:bindings --json chunks magento.res.partner")).extracting(b -> b.get("external_id"))
                    .containsExactly("9103");
            String failed = partners.lines().filter(line -> line.contains("9102 of backend chunks")).findFirst().orElseThrow()
                    .trim().split("\\s+")[0];
            assertThat(execute("connector:job " + failed)).as("the record's own job, its arguments kept")
                    .contains("import_record").contains("9102").contains("alone, in chunk job");

            shop.call("customer.update", List.of(9102, Map.of("firstname", "Noa", "lastname", "Name")));
            try {
                assertThat(execute("connector:job-retry " + failed)).contains(failed);
                awaitJob(failed, "done");
                assertThat(json("connector:bindings --json --external-id 9102 chunks magento.res.partner")).hasSize(1);
            } finally {
                shop.call("customer.update", List.of(9102, noName)); // as the other scenarios expect it
            }
        }
    }

    @Test
    public void anIncrementalImportStartsWhereThePreviousOneStartedUnlessToldSince() throws Exception {
        addShop("incr", "magento/1.7");
        assertThat(execute("connector:import incr")).contains("product-categories").doesNotContain("next from");

        assertThat(execute("connector:import --wait --since 2030-01-01 incr product-categories"))
                .contains("changed since 2030-01-01 00:00 UTC").contains("failed: 0");
        assertThat(json("connector:bindings --json incr magento.product.category")).as("nothing changed since 2030").isEmpty();
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        assertThat(execute("connector:import incr")).contains("next from " + today);

        assertThat(execute("connector:import --wait incr product-categories")).as("from the stored date: a minute ago")
                .contains("changed since " + today);
        assertThat(json("connector:bindings --json incr magento.product.category")).isEmpty();

        execute("connector:import --wait --since 2000-01-01 incr product-categories");
        assertThat(json("connector:bindings --json incr magento.product.category")).hasSize(9);
    }

    private static String lastWord(String output) {
        String[] words = output.trim().split("\\s+");
        return words[words.length - 1];
    }

    /** Waits until {@code connector:job UUID} shows {@code expected}; returns what it showed. */
    private String awaitJob(String uuid, String expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String out = "";
        while (System.nanoTime() < deadline) {
            out = execute("connector:job " + uuid);
            if (out.contains(expected)) {
                return out;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Job " + uuid + " does not show '" + expected + "' within 30 s:\n" + out);
    }
}
