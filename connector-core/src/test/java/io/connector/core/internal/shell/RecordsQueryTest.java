package io.connector.core.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import io.connector.api.store.Query;
import io.connector.core.internal.shell.RecordsQuery.Condition;
import io.connector.store.testing.StoreFixture;
import io.connector.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecordsQueryTest {

    private StoreFixture fixture;
    private RecordsQuery partners;

    @BeforeEach
    void setUp() {
        fixture = new StoreFixture(TestDatabase.h2(), "/connector/models.json", "/test-models.json");
        partners = RecordsQuery.of(fixture.store, "res.partner");
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void valuesBecomeTheTypesOfTheirFields() {
        assertThat(partners.condition("name=Acme SA")).isEqualTo(new Condition("name", "=", "Acme SA"));
        assertThat(partners.condition("name= padded ")).as("text as given").isEqualTo(new Condition("name", "=", " padded "));
        assertThat(partners.condition("id=7")).isEqualTo(new Condition("id", "=", 7L));
        assertThat(partners.condition("parent_id!=12")).isEqualTo(new Condition("parent_id", "!=", 12L));
        assertThat(partners.condition("is_company=TRUE")).isEqualTo(new Condition("is_company", "=", true));
        assertThat(partners.condition("active=0")).isEqualTo(new Condition("active", "=", false));
        assertThat(partners.condition("active=yes")).isEqualTo(new Condition("active", "=", true));
        assertThat(partners.condition("birthday=1990-05-17")).isEqualTo(new Condition("birthday", "=", LocalDate.of(1990, 5, 17)));
        assertThat(partners.condition("type=invoice")).isEqualTo(new Condition("type", "=", "invoice"));
        assertThat(partners.condition("category_ids=3")).isEqualTo(new Condition("category_ids", "=", 3L));
        RecordsQuery products = RecordsQuery.of(fixture.store, "product.product");
        assertThat(products.condition("price=12.50")).isEqualTo(new Condition("price", "=", new BigDecimal("12.50")));
        RecordsQuery orders = RecordsQuery.of(fixture.store, "sale.order");
        assertThat(orders.condition("date_order=2026-11-22 14:30")).isEqualTo(
                new Condition("date_order", "=", LocalDateTime.of(2026, 11, 22, 14, 30)));
        assertThat(orders.condition("date_order=2026-11-22T15:30:00+01:00")).as("converted to UTC").isEqualTo(
                new Condition("date_order", "=", LocalDateTime.of(2026, 11, 22, 14, 30)));
    }

    @Test
    void anEmptyValueOrNullTestsForNoValue() {
        assertThat(partners.condition("email=")).isEqualTo(new Condition("email", "=", null));
        assertThat(partners.condition("birthday=null")).isEqualTo(new Condition("birthday", "=", null));
        assertThat(partners.condition("parent_id!=NULL")).isEqualTo(new Condition("parent_id", "!=", null));
    }

    @Test
    void aTildeLooksForTextAnywhereUnlessGivenWildcards() {
        assertThat(partners.condition("email~ACME.example")).isEqualTo(new Condition("email", "ilike", "%ACME.example%"));
        assertThat(partners.condition("name~Ac%")).isEqualTo(new Condition("name", "ilike", "Ac%"));
    }

    @Test
    void errorsNameWhatIsWrong() {
        assertThatThrownBy(() -> RecordsQuery.of(fixture.store, "res.partners"))
                .hasMessageStartingWith("Unknown model 'res.partners'. Models: ")
                .hasMessageContaining("res.partner, res.partner.category");
        assertThatThrownBy(() -> partners.condition("mail=x@example.com"))
                .hasMessageStartingWith("Unknown field 'mail' of res.partner. Fields: id, name, parent_id, child_ids,");
        assertThatThrownBy(() -> partners.condition("name")).hasMessage(
                "Bad --where 'name': give FIELD=VALUE, FIELD!=VALUE or FIELD~TEXT");
        assertThatThrownBy(() -> partners.condition("=Acme")).hasMessageStartingWith("Bad --where '=Acme'");
        assertThatThrownBy(() -> partners.condition("parent_id=acme")).hasMessage(
                "Bad --where value 'acme' for res.partner.parent_id (many2one): expected the id of a res.partner");
        assertThatThrownBy(() -> partners.condition("birthday=17.05.1990")).hasMessage("Bad --where value '17.05.1990' for "
                + "res.partner.birthday (date): expected a date such as 2026-11-22");
        assertThatThrownBy(() -> partners.condition("is_company=maybe")).hasMessageEndingWith(
                "(boolean): expected true or false (or 1 or 0, yes or no)");
        assertThatThrownBy(() -> partners.condition("type=billing")).hasMessageEndingWith(
                "(selection): expected one of contact, invoice, delivery");
        assertThatThrownBy(() -> partners.condition("birthday~1990")).hasMessage(
                "Bad --where 'birthday~1990': ~ matches text, and res.partner.birthday is date; use = or !=");
        assertThatThrownBy(() -> partners.condition("category_ids!=3")).hasMessageContaining(
                "res.partner.category_ids is a many2many; only category_ids=ID is supported");
        assertThatThrownBy(() -> partners.condition("name~")).hasMessageContaining("give the text to look for after ~");
    }

    @Test
    void theColumnsAreTheListedFieldsOrAllButOneToManyWithIdFirst() {
        assertThat(partners.columns(null)).startsWith("id", "name", "parent_id", "type").contains("category_ids")
                .doesNotContain("child_ids");
        assertThat(partners.columns("email, name,id,")).containsExactly("id", "email", "name");
        assertThatThrownBy(() -> partners.columns("name,mail")).hasMessageStartingWith("Unknown field 'mail' of res.partner");
    }

    @Test
    void aBindingModelHasTheFieldsOfTheRecordItBinds() {
        RecordsQuery bindings = RecordsQuery.of(fixture.store, "shop.res.partner");
        assertThat(bindings.columns(null)).startsWith("id", "backend_id", "external_id", "record_id", "sync_date")
                .contains("website_id", "name", "email").doesNotContain("child_ids");
        assertThat(bindings.condition("name~doe")).isEqualTo(new Condition("name", "ilike", "%doe%"));
        assertThat(bindings.condition("website_id=2")).isEqualTo(new Condition("website_id", "=", 2L));
    }

    @Test
    void theConditionsSelectWhatTheySayInTheStore() {
        long acme = fixture.store.inTransaction(s -> s.create("res.partner", Map.of("name", "Acme SA", "is_company", true,
                "email", "info@acme.example")));
        long john = fixture.store.inTransaction(s -> s.create("res.partner", Map.of("name", "John", "parent_id", acme)));
        long jane = fixture.store.inTransaction(s -> s.create("res.partner", Map.of("name", "Jane", "birthday", "1990-05-17")));
        assertThat(search("email=")).containsExactly(john, jane);
        assertThat(search("email!=null")).containsExactly(acme);
        assertThat(search("email~ACME")).containsExactly(acme);
        assertThat(search("name~j%")).containsExactly(john, jane);
        assertThat(search("parent_id=" + acme)).containsExactly(john);
        assertThat(search("is_company=false", "birthday=1990-05-17")).containsExactly(jane);
    }

    private List<Long> search(String... where) {
        return fixture.store.inTransaction(s -> {
            Query query = s.query("res.partner");
            for (String condition : where) {
                partners.condition(condition).addTo(query);
            }
            return query.ids();
        });
    }
}
