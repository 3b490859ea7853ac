package io.connector.magento.v17.importer;

import static io.connector.magento.MagentoModels.ADDRESS;
import static io.connector.magento.MagentoModels.PARTNER;
import static io.connector.magento.MagentoModels.PRODUCT;
import static io.connector.magento.MagentoModels.PRODUCT_CATEGORY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.connector.api.BackendRecord;
import io.connector.api.job.RetryableJobException;
import io.connector.api.store.StoreException;
import io.connector.api.unit.ChunkResult;
import io.connector.magento.v17.MagentoFixture;
import io.connector.magento.v17.RecordedMagento;
import io.connector.magento.v17.client.MagentoClient;
import io.connector.magento.v17.client.MagentoException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A chunk of records imported by one job: read in a few round trips, each record landing or
 * failing on its own, the records they depend on looked up once.
 */
class ChunkImportTest {

    /** The recorded customers: companies with one and two addresses, individuals with one and two, one without. */
    private static final List<String> CUSTOMERS = List.of("99", "104", "136", "139", "65");

    private MagentoFixture shop;

    @BeforeEach
    void startShop() {
        shop = MagentoFixture.start();
    }

    @AfterEach
    void closeShop() {
        shop.close();
    }

    /** A copy of Jane Doe (136) under another id, with changes. */
    private void addCustomer(String id, Map<String, Object> changes) {
        @SuppressWarnings("unchecked")
        Map<String, Object> customer = new HashMap<>((Map<String, Object>) shop.magento().recorded("customer.info", List.of(136)));
        customer.put("customer_id", id);
        customer.put("email", "customer" + id + "@example.com");
        customer.putAll(changes);
        shop.magento().answer("customer.info", List.of(Integer.valueOf(id)), customer);
        shop.magento().answer("customer_address.list", List.of(Map.of("customer_id", Map.of("eq", id))), List.of());
    }

    private List<RecordedMagento.Request> requestsDuring(Runnable work) {
        int before = shop.magento().requests().size();
        work.run();
        List<RecordedMagento.Request> all = shop.magento().requests();
        return all.subList(before, all.size()).stream().filter(r -> !r.method().equals("login")).toList();
    }

    @Test
    void aChunkReadsItsCustomersAndTheirAddressBooksInTwoRoundTripsAndImportsThemAsOneByOne() {
        // The websites and groups first, so that the round trips counted are the customers'.
        shop.importRecord(PARTNER, "65");
        List<RecordedMagento.Request> trips = requestsDuring(() -> {
            ChunkResult result = shop.importChunk(PARTNER, CUSTOMERS);
            assertThat(result.failed()).isEmpty();
            assertThat(result.imported()).containsOnlyKeys(CUSTOMERS).containsEntry("99", "Created magento.res.partner 99 of "
                    + "backend shop").containsEntry("65", "Already up to date: magento.res.partner 65 of backend shop");
        });
        assertThat(trips.subList(0, 2)).extracting(RecordedMagento.Request::method).containsExactly("multiCall", "multiCall");
        assertThat(trips).extracting(RecordedMagento.Request::calls).as("infos, then address lists, whole addresses in them")
                .startsWith(5, 5);
        assertThat(trips.subList(2, trips.size())).as("then only the records they depend on, once each")
                .allSatisfy(r -> assertThat(r.path()).doesNotStartWith("customer")).doesNotHaveDuplicates();

        // What a record import of each makes, the same in every field.
        try (MagentoFixture alone = MagentoFixture.start()) {
            for (String customer : CUSTOMERS) {
                alone.importRecord(PARTNER, customer);
            }
            assertThat(shop.count("res.partner")).isEqualTo(alone.count("res.partner"));
            assertThat(shop.count(ADDRESS)).isEqualTo(alone.count(ADDRESS)).isPositive();
            for (String customer : CUSTOMERS) {
                assertThat(withoutIds(shop.imported(PARTNER, customer))).as("customer " + customer)
                        .isEqualTo(withoutIds(alone.imported(PARTNER, customer)));
            }
        }
    }

    private static Map<String, Object> withoutIds(Map<String, Object> record) {
        Map<String, Object> values = new HashMap<>(record);
        values.keySet().removeIf(key -> key.equals("id") || key.endsWith("_id") || key.endsWith("_ids") || key.endsWith("_date")
                || key.equals("create_date") || key.equals("write_date"));
        return values;
    }

    @Test
    void aBrokenRecordIsRolledBackAloneWithItsErrorAndTheOthersLand() {
        Map<String, Object> noName = new HashMap<>();
        noName.put("firstname", null);
        noName.put("lastname", null);
        addCustomer("9102", noName);
        ChunkResult result = shop.importChunk(PARTNER, List.of("136", "9102", "99"));
        assertThat(result.imported()).containsOnlyKeys("136", "99");
        assertThat(result.failed()).containsOnlyKeys("9102");
        assertThat(result.failed().get("9102")).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("magento.res.partner 9102 of backend shop: ").hasMessageContaining("res.partner.name");
        assertThat(shop.binding(PARTNER, "9102")).isEmpty();
        assertThat(shop.records("res.partner", "email", "customer9102@example.com")).as("nothing of it half-written").isEmpty();
        assertThat(shop.imported(PARTNER, "136")).containsEntry("name", "Jane Doe");
        assertThat(shop.imported(PARTNER, "99")).containsEntry("name", "Clay Lock");
    }

    @Test
    void aFaultForOneIdFailsThatRecordAndAGoneOneIsNothingToDo() {
        shop.magento().fault("customer.info", List.of(9201), 1, "Internal Error. Please see log for details.");
        shop.magento().fault("customer.info", List.of(9202), 102, "Customer not exists.");
        ChunkResult result = shop.importChunk(PARTNER, List.of("9201", "136", "9202"));
        assertThat(result.failed()).containsOnlyKeys("9201");
        assertThat(result.failed().get("9201")).isInstanceOf(MagentoException.class).hasMessage("Backend shop: customer.info "
                + "answered fault 1 (Internal Error. Please see log for details.)");
        assertThat(result.imported()).containsOnlyKeys("136", "9202");
        assertThat(result.imported().get("9202")).startsWith("Record no longer exists: ");
        assertThat(shop.binding(PARTNER, "136")).isPresent();
    }

    @Test
    void aBrokenAddressFailsItsCustomerOnly() {
        List<?> book = (List<?>) shop.magento().recorded("customer_address.list", AddressBookImportTest.ofCustomer("136"));
        @SuppressWarnings("unchecked")
        Map<String, Object> address = (Map<String, Object>) book.get(0);
        assertThat(address).containsEntry("customer_address_id", "92");
        address.put("updated_at", "yesterday");
        shop.magento().answer("customer_address.list", AddressBookImportTest.ofCustomer("136"), book);
        ChunkResult result = shop.importChunk(PARTNER, CUSTOMERS);
        assertThat(result.failed()).containsOnlyKeys("136");
        assertThat(result.failed().get("136")).hasMessage("magento.address 92 of backend shop: updated_at: Unparsable date "
                + "'yesterday'");
        assertThat(shop.binding(PARTNER, "136")).isEmpty();
        assertThat(shop.binding(PARTNER, "99")).isPresent();
    }

    @Test
    void aRecordHeldByAnotherJobIsLeftForItsOwnJobAndTheOthersLand() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            Future<?> holder = pool.submit(() -> shop.inTransaction(s -> {
                assertThat(s.tryLock("import " + PARTNER + " " + MagentoFixture.SHOP_ID + " 136")).isTrue();
                locked.countDown();
                return release.await(30, TimeUnit.SECONDS);
            }));
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
            ChunkResult result = shop.importChunk(PARTNER, List.of("99", "136", "104"));
            assertThat(result.imported()).containsOnlyKeys("99", "104");
            assertThat(result.failed().get("136")).isInstanceOf(RetryableJobException.class)
                    .hasMessage("magento.res.partner 136 of backend shop is being imported by another job");
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(shop.importRecord(PARTNER, "136")).isEqualTo("Created magento.res.partner 136 of backend shop");
    }

    @Test
    void twoChunksRacingOverTheSameIdsEndWithOneBindingEach() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = Integer.toString(9300 + i);
            addCustomer(id, Map.of("firstname", "Racer", "lastname", id));
            ids.add(id);
        }
        shop.importRecord(PARTNER, "136"); // its website and group, imported once before the race
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CyclicBarrier start = new CyclicBarrier(2);
        try {
            List<Future<ChunkResult>> racers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                racers.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return shop.importChunk(PARTNER, ids);
                }));
            }
            // Both chunks end (their transactions release their locks) before the refused records are imported alone.
            List<ChunkResult> results = new ArrayList<>();
            for (Future<ChunkResult> racer : racers) {
                results.add(racer.get(60, TimeUnit.SECONDS));
            }
            for (ChunkResult result : results) {
                assertThat(result.failed().values()).as("only refused locks: no duplicate, no error")
                        .allSatisfy(e -> assertThat(e).isInstanceOf(RetryableJobException.class));
                for (String refused : result.failed().keySet()) {
                    shop.importRecord(PARTNER, refused); // as the record's own job does
                }
            }
        } finally {
            pool.shutdownNow();
        }
        for (String id : ids) {
            assertThat(shop.binding(PARTNER, id)).as("customer " + id).isPresent(); // binding() fails on two
            assertThat(shop.records("res.partner", "email", "customer" + id + "@example.com")).as("partner of " + id).hasSize(1);
        }
    }

    @Test
    void customersOfAChunkSharingAnEmailAreOnePartnerAndAKnownEmailBindsItsPartner() {
        addCustomer("9401", Map.of("firstname", "First", "email", "shared@example.com"));
        addCustomer("9402", Map.of("firstname", "Second", "email", "shared@example.com"));
        addCustomer("9403", Map.of("firstname", "Known", "email", "known@example.com"));
        long known = shop.inTransaction(s -> s.create("res.partner", Map.of("name", "Known before", "email", "known@example.com")));
        // The chunk looks the e-mails up once, before any of its customers is created.
        ChunkResult result = shop.importChunk(PARTNER, List.of("9401", "9402", "9403"));
        assertThat(result.failed()).isEmpty();
        assertThat(shop.records("res.partner", "email", "shared@example.com")).as("the second finds the first's partner")
                .hasSize(1);
        // imported() answers the partner a customer's binding binds.
        assertThat(shop.imported(PARTNER, "9402").get("id")).isEqualTo(shop.imported(PARTNER, "9401").get("id")).isNotNull();
        assertThat(shop.imported(PARTNER, "9403")).containsEntry("id", known);
        assertThat(shop.records("res.partner", "email", "known@example.com")).hasSize(1);
    }

    @Test
    void aCategoryOfTheChunkImportedEarlierAsAnotherOnesParentIsNotCreatedTwice() {
        // 26's parent is 8, whose parents 2 and 1 come too: 8 lands with 26, before its own turn.
        ChunkResult result = shop.importChunk(PRODUCT_CATEGORY, List.of("26", "8"));
        assertThat(result.failed()).isEmpty();
        assertThat(result.imported().get("26")).startsWith("Created");
        assertThat(result.imported().get("8")).doesNotStartWith("Created");
        assertThat(shop.count("product.category")).isEqualTo(4);
        assertThat(shop.count(PRODUCT_CATEGORY)).isEqualTo(4);
    }

    @Test
    void aNewCustomersPartnerGoesInWithItsBillingAddressOrCompanyAndIsNotUpdatedAfter() {
        shop.importRecord(PARTNER, "65"); // its website and group, which the chunk's customers share
        List<String> created = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> written = new java.util.concurrent.CopyOnWriteArrayList<>();
        shop.listen("res.partner", new io.connector.api.store.RecordListener() {
            @Override
            public void onRecordCreate(io.connector.api.store.RecordEvent event) {
                created.add(event.id() + " " + event.values().get("name") + " " + event.values().get("is_company") + " "
                        + event.values().get("city"));
            }

            @Override
            public void onRecordWrite(io.connector.api.store.RecordEvent event) {
                written.add(event.id() + " " + event.values().keySet());
            }
        });
        assertThat(shop.importChunk(PARTNER, List.of("99", "136")).failed()).isEmpty();
        assertThat(written).as("no update of a partner just created").isEmpty();
        Map<String, Object> company = shop.imported(PARTNER, "99");
        Map<String, Object> person = shop.imported(PARTNER, "136");
        assertThat(company).containsEntry("is_company", true);
        assertThat(person).containsEntry("is_company", false).extracting(p -> p.get("city")).isNotNull();
        assertThat(created).contains(company.get("id") + " " + company.get("name") + " true null",
                // A person's create gives no is_company: the field's default.
                person.get("id") + " " + person.get("name") + " null " + person.get("city"));
    }

    @Test
    void theRecordsOfAChunkDependOnTheirWebsiteAndGroupImportedOnce() {
        ChunkResult result = shop.importChunk(PARTNER, List.of("136", "139"));
        assertThat(result.failed()).isEmpty();
        assertThat(shop.magento().received()).filteredOn(call -> call.method().equals("ol_websites.info")).hasSize(1);
        assertThat(shop.magento().received()).filteredOn(call -> call.method().equals("customer_group.list")
                || call.method().equals("ol_customer_groups.info")).hasSizeLessThanOrEqualTo(1);
        assertThat(shop.imported(PARTNER, "136").get("category_id")).isEqualTo(shop.imported(PARTNER, "139").get("category_id"));
    }

    @Test
    void aShopWithoutMultiCallIsReadCallByCall() {
        shop.magento().refuseMultiCall();
        ChunkResult result = shop.importChunk(PARTNER, CUSTOMERS);
        assertThat(result.failed()).isEmpty();
        assertThat(shop.count(PARTNER)).isEqualTo(CUSTOMERS.size());
        List<RecordedMagento.Request> after = requestsDuring(() -> shop.importChunk(PARTNER, List.of("136", "139")));
        assertThat(after).as("refused once, not asked again").extracting(RecordedMagento.Request::method).containsOnly("call")
                .hasSizeGreaterThanOrEqualTo(2 + 2);
    }

    @Test
    void multiCallsCarryAtMostTheConfiguredNumberOfCalls() {
        shop.importRecord(PARTNER, "65");
        BackendRecord small = shop.backendRecord(MagentoFixture.SHOP, shop.magento().location(), RecordedMagento.API_KEY,
                Map.of(MagentoClient.MULTICALL_MAX, "2"));
        List<RecordedMagento.Request> trips = requestsDuring(() -> assertThat(shop.importChunk(small, PARTNER, CUSTOMERS).failed())
                .isEmpty());
        assertThat(trips).allSatisfy(r -> assertThat(r.calls()).isLessThanOrEqualTo(2));
        assertThat(trips).filteredOn(r -> r.method().equals("multiCall")).hasSizeGreaterThanOrEqualTo(2 + 2);
    }

    @Test
    void aChunkOfProductsIsReadInOneMultiCall() {
        shop.importRecord(PRODUCT, "879");
        List<String> products = List.of("337", "338", "879");
        List<RecordedMagento.Request> trips = requestsDuring(() -> assertThat(shop.importChunk(PRODUCT, products).failed())
                .isEmpty());
        assertThat(trips.get(0)).isEqualTo(new RecordedMagento.Request("multiCall", 3, null));
        for (String product : products) {
            assertThat(shop.binding(PRODUCT, product)).as("product " + product).isPresent();
        }
    }
}
