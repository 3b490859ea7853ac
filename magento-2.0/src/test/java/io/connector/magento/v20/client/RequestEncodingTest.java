package io.connector.magento.v20.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import io.connector.magento.v20.client.SearchCriteria.Filter;
import org.junit.jupiter.api.Test;

/** Paths and query parameters as they go on the wire. */
class RequestEncodingTest {

    @Test
    void keysAreEncodedAsTheReferencesQuotePlusDoes() {
        assertThat(FormEncoding.encode("bla/koe")).isEqualTo("bla%2Fkoe");
        assertThat(FormEncoding.encode("Blue shirt")).isEqualTo("Blue+shirt");
        assertThat(FormEncoding.encode("a+b&c=d?e#f%g")).isEqualTo("a%2Bb%26c%3Dd%3Fe%23f%25g");
        assertThat(FormEncoding.encode("24-WG02_x.y~z*")).isEqualTo("24-WG02_x.y~z%2A");
        assertThat(FormEncoding.encode("café")).isEqualTo("caf%C3%A9");
    }

    @Test
    void aPathsKeysAreEachOneSegment() {
        assertThat(RestPath.of("products/{}", "bla/koe")).hasToString("products/bla%2Fkoe");
        assertThat(RestPath.of("products/{}/stockItems/{}", "MH09-L-Blue", 190)).hasToString("products/MH09-L-Blue/stockItems/190");
        assertThat(RestPath.of("store/websites")).hasToString("store/websites");
        assertThat(RestPath.of("products/{}", "a b")).isEqualTo(RestPath.of("products/{}", "a b"));
        assertThatThrownBy(() -> RestPath.of("products/{}")).hasMessageContaining("more {} than the 0 keys");
        assertThatThrownBy(() -> RestPath.of("products", "x")).hasMessageContaining("fewer {} than the 1 keys");
        assertThatThrownBy(() -> RestPath.of("products/{}", "")).hasMessageContaining("is empty");
        assertThatThrownBy(() -> RestPath.of("/products")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RestPath.of("products?fields=id")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aQueryKeepsItsOrderAndEncodesNamesAndValues() {
        assertThat(Query.of("fields", "id").encoded()).isEqualTo("fields=id");
        assertThat(Query.of("fields", "items[sku]").and("x", null).encoded()).isEqualTo("fields=items%5Bsku%5D&x=");
        assertThat(Query.NONE.isEmpty()).isTrue();
        assertThat(Query.of("b", 1).and(Query.of("a", 2)).encoded()).isEqualTo("b=1&a=2");
    }

    @Test
    void noCriteriaIsAnEmptySearchCriteria() {
        assertThat(SearchCriteria.all().query().encoded()).isEqualTo("searchCriteria=");
        assertThat(SearchCriteria.all().fields("items[id]").query().encoded()).isEqualTo("searchCriteria=&fields=items%5Bid%5D");
    }

    @Test
    void eachWhereIsAGroupOfItsOwnAndTheGroupsAreAnded() {
        SearchCriteria criteria = SearchCriteria.all()
                .where("updated_at", Condition.FROM, LocalDateTime.of(2026, 11, 1, 8, 0))
                .where("updated_at", Condition.TO, Instant.parse("2026-12-01T10:30:15Z"))
                .where("website_id", Condition.IN, List.of(1, 2))
                .fields("items[id]");
        assertThat(criteria.query().parameters()).extracting(p -> p.getKey() + "=" + p.getValue()).containsExactly(
                "searchCriteria[filter_groups][0][filters][0][field]=updated_at",
                "searchCriteria[filter_groups][0][filters][0][value]=2026-11-01 08:00:00",
                "searchCriteria[filter_groups][0][filters][0][condition_type]=from",
                "searchCriteria[filter_groups][1][filters][0][field]=updated_at",
                "searchCriteria[filter_groups][1][filters][0][value]=2026-12-01 10:30:15",
                "searchCriteria[filter_groups][1][filters][0][condition_type]=to",
                "searchCriteria[filter_groups][2][filters][0][field]=website_id",
                "searchCriteria[filter_groups][2][filters][0][value]=1,2",
                "searchCriteria[filter_groups][2][filters][0][condition_type]=in",
                "fields=items[id]");
        assertThat(criteria.query().encoded()).startsWith("searchCriteria%5Bfilter_groups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bfield%5D"
                + "=updated_at&searchCriteria%5Bfilter_groups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bvalue%5D=2026-11-01+08%3A00%3A00&");
    }

    @Test
    void theFiltersOfAGroupAreOredAndAPageIsAsked() {
        SearchCriteria criteria = SearchCriteria.all()
                .whereAny(Filter.of("status", Condition.EQ, "pending"), Filter.of("status", Condition.EQ, "processing"))
                .where("customer_id", Condition.NULL)
                .page(50, 3);
        assertThat(criteria.query().parameters()).extracting(p -> p.getKey() + "=" + p.getValue()).containsExactly(
                "searchCriteria[filter_groups][0][filters][0][field]=status",
                "searchCriteria[filter_groups][0][filters][0][value]=pending",
                "searchCriteria[filter_groups][0][filters][0][condition_type]=eq",
                "searchCriteria[filter_groups][0][filters][1][field]=status",
                "searchCriteria[filter_groups][0][filters][1][value]=processing",
                "searchCriteria[filter_groups][0][filters][1][condition_type]=eq",
                "searchCriteria[filter_groups][1][filters][0][field]=customer_id",
                "searchCriteria[filter_groups][1][filters][0][condition_type]=null",
                "searchCriteria[pageSize]=50",
                "searchCriteria[currentPage]=3");
        assertThat(SearchCriteria.all().page(10, 1).query().encoded()).as("a page is criteria enough")
                .isEqualTo("searchCriteria%5BpageSize%5D=10&searchCriteria%5BcurrentPage%5D=1");
    }

    @Test
    void everyConditionHasMagentosName() {
        assertThat(List.of(Condition.values())).extracting(Condition::wireName).containsExactly("eq", "neq", "in", "nin", "like",
                "from", "to", "gt", "gteq", "lt", "lteq", "null", "notnull", "finset");
    }

    @Test
    void aFilterThatCannotBeSaidIsRefused() {
        assertThatThrownBy(() -> Filter.of("sku", Condition.EQ, null)).hasMessage("Filter sku eq needs a value");
        assertThatThrownBy(() -> Filter.of("sku", Condition.NOTNULL, "x")).hasMessage("Filter sku notnull takes no value");
        assertThatThrownBy(() -> Filter.of("sku", Condition.IN, List.of())).hasMessage("Filter sku in with no values");
        assertThatThrownBy(() -> Filter.of(" ", Condition.EQ, "x")).hasMessage("A filter needs a field");
        assertThatThrownBy(() -> SearchCriteria.all().whereAny()).hasMessage("A filter group needs a filter");
        assertThatThrownBy(() -> SearchCriteria.all().page(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
