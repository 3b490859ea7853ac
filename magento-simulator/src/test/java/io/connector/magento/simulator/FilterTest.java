package io.connector.magento.simulator;

import static io.connector.magento.simulator.XmlRpcClient.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Filters over the wire, on customers whose dates and websites the test sets. */
class FilterTest {

    private static MagentoSimulator magento;
    private static XmlRpcClient client;
    private static String session;

    @BeforeAll
    static void start() throws Exception {
        DataStore store = new DataStore();
        customer(store, "1", "1", "2014-01-01 10:00:00", "2013-05-16T06:20:45+02:00");
        customer(store, "2", "1", "2014-06-01 00:00:00", "2014-01-01T00:00:00+01:00");
        customer(store, "3", "2", "2015-01-01 00:00:00", "2014-12-31 23:00:00");
        customer(store, "10", "2", "2016-01-01 00:00:00", "2015-06-01 12:00:00");
        magento = MagentoSimulator.builder().store(store).start();
        client = new XmlRpcClient(magento.endpoint());
        session = client.login();
    }

    private static void customer(DataStore store, String id, String website, String updatedAt, String createdAt) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("customer_id", id);
        record.put("website_id", website);
        record.put("updated_at", updatedAt);
        record.put("created_at", createdAt);
        record.put("email", "c" + id + "@example.com");
        record.put("middlename", null);
        store.customers().put(record);
    }

    @AfterAll
    static void stop() {
        magento.stop();
    }

    private static Object search(Map<String, Object> filters) throws Exception {
        return client.call(session, "ol_customer.search", filters);
    }

    private static Map<String, Object> op(String operator, Object value) {
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put(operator, value);
        return condition;
    }

    @Test
    void noFilterSelectsEverythingInIdOrder() throws Exception {
        assertThat(search(Map.of())).isEqualTo(List.of("1", "2", "3", "10"));
        assertThat(client.call(session, "ol_customer.search")).isEqualTo(List.of("1", "2", "3", "10"));
    }

    @Test
    void fromAndToAreInclusiveDatesComparedAsText() throws Exception {
        Map<String, Object> range = op("from", "2014-01-01 10:00:00");
        range.put("to", "2015-01-01 00:00:00");
        assertThat(search(Map.of("updated_at", range))).isEqualTo(List.of("1", "2", "3"));
        assertThat(search(Map.of("updated_at", op("from", "2014-06-01 00:00:01")))).isEqualTo(List.of("3", "10"));
        assertThat(search(Map.of("updated_at", op("to", "2014-06-01 00:00:00")))).isEqualTo(List.of("1", "2"));
    }

    @Test
    void datesWithAnOffsetCompareInUtc() throws Exception {
        // 2013-05-16T06:20:45+02:00 is 04:20:45 UTC; 2014-01-01T00:00:00+01:00 is 2013-12-31 23:00 UTC.
        assertThat(search(Map.of("created_at", op("to", "2013-05-16 04:20:45")))).isEqualTo(List.of("1"));
        assertThat(search(Map.of("created_at", op("eq", "2013-12-31 23:00:00")))).isEqualTo(List.of("2"));
    }

    @Test
    void inEqAndNeqCompareIdsAsTextWhateverTheirType() throws Exception {
        assertThat(search(Map.of("website_id", op("in", list(2))))).isEqualTo(List.of("3", "10"));
        assertThat(search(Map.of("website_id", op("in", list("1", 2))))).isEqualTo(List.of("1", "2", "3", "10"));
        assertThat(search(Map.of("website_id", op("eq", 1)))).isEqualTo(List.of("1", "2"));
        assertThat(search(Map.of("website_id", op("neq", "1")))).isEqualTo(List.of("3", "10"));
        assertThat(search(Map.of("customer_id", "10"))).as("a bare value is eq").isEqualTo(List.of("10"));
    }

    @Test
    void conditionsOnSeveralFieldsAllHold() throws Exception {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("updated_at", op("from", "2014-06-01 00:00:00"));
        filters.put("website_id", op("in", list(1)));
        assertThat(search(filters)).isEqualTo(List.of("2"));
    }

    @Test
    void numbersCompareAsNumbersAndNilMatchesOnlyNull() throws Exception {
        assertThat(search(Map.of("customer_id", op("gt", 3)))).isEqualTo(List.of("10"));
        assertThat(search(Map.of("middlename", op("neq", "X")))).as("SQL: NULL <> 'X' is not true").isEqualTo(List.of());
        assertThat(search(Map.of("middlename", op("null", true)))).isEqualTo(List.of("1", "2", "3", "10"));
        assertThat(search(Map.of("email", op("like", "c1%")))).isEqualTo(List.of("1", "10"));
    }

    @Test
    void anUnknownOperatorIsAFault() throws Exception {
        assertThat(client.fault(session, "ol_customer.search", Map.of("website_id", op("between", 1))).code()).isEqualTo(101);
    }

    @Test
    void aListFieldMatchesWhenOneOfItsItemsDoes() throws ApiFault {
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("category_ids", List.of("4", "13"));
        assertThat(Filter.parse(Map.of("category_ids", op("eq", 13))).matches(product)).isTrue();
        assertThat(Filter.parse(Map.of("category_ids", op("in", list(5, 4)))).matches(product)).isTrue();
        assertThat(Filter.parse(Map.of("category_ids", op("neq", "4"))).matches(product)).isFalse();
        assertThat(Filter.parse(Map.of("category_ids", op("nin", list("7")))).matches(product)).isTrue();
        assertThatThrownBy(() -> Filter.parse("not a struct")).isInstanceOf(ApiFault.class);
    }
}
