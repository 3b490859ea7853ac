package io.connector.core.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.connector.api.store.FieldInfo;
import io.connector.store.testing.StoreFixture;
import io.connector.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** FIELD=VALUE arguments against the models of a real store; nothing is written, so one store serves every test. */
class FieldAssignmentsTest {

    private static StoreFixture fixture;

    @BeforeAll
    static void setUp() {
        fixture = new StoreFixture(TestDatabase.h2(), "/connector/models.json", "/test-models.json");
    }

    @AfterAll
    static void tearDown() {
        fixture.close();
    }

    private static Map<String, Object> parse(String model, String... assignments) {
        return FieldAssignments.parse(ModelFields.of(fixture.store, model), Arrays.asList(assignments));
    }

    @Test
    void valuesBecomeTheTypesOfTheirFieldsInTheOrderGiven() {
        assertThat(parse("res.partner", "name= Acme SA ", "is_company=yes", "active=0", "birthday=1990-05-17",
                "type=invoice", "parent_id=12", "category_ids=3, 7")).containsExactly(
                        Map.entry("name", " Acme SA "), Map.entry("is_company", true), Map.entry("active", false),
                        Map.entry("birthday", LocalDate.of(1990, 5, 17)), Map.entry("type", "invoice"),
                        Map.entry("parent_id", 12L), Map.entry("category_ids", List.of(3L, 7L)));
        assertThat(parse("res.partner", "is_company=TRUE", "active=No")).containsExactly(
                Map.entry("is_company", true), Map.entry("active", false));
        assertThat(parse("product.product", "price=12.50")).containsEntry("price", new BigDecimal("12.50"));
        assertThat(parse("product.category", "sequence= 4")).containsEntry("sequence", 4L);
        assertThat(parse("sale.order", "date_order=2026-11-22 14:30")).containsEntry("date_order",
                LocalDateTime.of(2026, 11, 22, 14, 30));
        assertThat(parse("sale.order", "date_order=2026-11-22T15:30:00+01:00")).as("converted to UTC")
                .containsEntry("date_order", LocalDateTime.of(2026, 11, 22, 14, 30));
    }

    @Test
    void anEmptyValueOrNullIsNoValueAndNoIdsForAManyToMany() {
        Map<String, Object> values = parse("res.partner", "email=", "parent_id=null", "birthday=NULL", "category_ids=");
        assertThat(values).containsOnlyKeys("email", "parent_id", "birthday", "category_ids");
        assertThat(values.get("email")).isNull();
        assertThat(values.get("parent_id")).isNull();
        assertThat(values.get("birthday")).isNull();
        assertThat(values.get("category_ids")).isEqualTo(List.of());
    }

    @Test
    void aBindingModelTakesTheFieldsOfTheRecordItBinds() {
        assertThat(parse("shop.res.partner", "backend_id=b1", "external_id=136", "website_id=2", "name=John")).containsExactly(
                Map.entry("backend_id", "b1"), Map.entry("external_id", "136"), Map.entry("website_id", 2L),
                Map.entry("name", "John"));
        assertThat(FieldAssignments.writable(ModelFields.of(fixture.store, "shop.res.partner")).stream().map(FieldInfo::name))
                .contains("backend_id", "record_id", "website_id", "name", "category_ids").doesNotContain("child_ids", "id");
    }

    @Test
    void badArgumentsNameWhatIsWrong() {
        assertThatThrownBy(() -> parse("res.partner", "name")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Bad argument 'name': give FIELD=VALUE (FIELD= for no value)");
        assertThatThrownBy(() -> parse("res.partner", "=Acme")).hasMessage(
                "Bad argument '=Acme': give FIELD=VALUE (FIELD= for no value)");
        assertThatThrownBy(() -> parse("res.partner", "name=A", "email=a@example.com", "name=B")).hasMessage(
                "Field name is given twice ('name=A' and 'name=B'): give each field once");
        assertThatThrownBy(() -> ModelFields.of(fixture.store, "res.partners"))
                .hasMessageStartingWith("Unknown model 'res.partners'. Models: ")
                .hasMessageContaining("res.partner, res.partner.category");
        assertThatThrownBy(() -> parse("res.partner", "mail=x@example.com"))
                .hasMessageStartingWith("Unknown field 'mail' of res.partner. Fields: id, name, parent_id,");
    }

    @Test
    void fieldsTheStoreKeepsAndOneToManyAreRefused() {
        assertThatThrownBy(() -> parse("res.partner", "id=3")).hasMessage("id is not written: the store numbers new records, "
                + "and connector:record-write takes the id of the record to write before its fields");
        assertThatThrownBy(() -> parse("res.partner", "create_date=2026-01-01")).hasMessage(
                "create_date is not written: the store sets it when a record is created");
        assertThatThrownBy(() -> parse("res.partner", "write_date=2026-01-01")).hasMessage(
                "write_date is not written: the store sets it when a record is written");
        assertThatThrownBy(() -> parse("res.partner", "child_ids=4")).hasMessage(
                "res.partner.child_ids is a one2many, the res.partner records that point here: write their parent_id instead");
    }

    @Test
    void aValueOfTheWrongTypeNamesFieldTypeAndValue() {
        assertThatThrownBy(() -> parse("product.category", "sequence=first")).hasMessage(
                "Bad value 'first' for product.category.sequence (integer): expected an integer");
        assertThatThrownBy(() -> parse("product.product", "price=12,50")).hasMessage(
                "Bad value '12,50' for product.product.price (decimal): expected a number such as 12.50");
        assertThatThrownBy(() -> parse("res.partner", "is_company=maybe")).hasMessage(
                "Bad value 'maybe' for res.partner.is_company (boolean): expected true or false (or 1 or 0, yes or no)");
        assertThatThrownBy(() -> parse("res.partner", "birthday=17.05.1990")).hasMessage(
                "Bad value '17.05.1990' for res.partner.birthday (date): expected a date such as 2026-11-22");
        assertThatThrownBy(() -> parse("sale.order", "date_order=tomorrow")).hasMessageStartingWith(
                "Bad value 'tomorrow' for sale.order.date_order (datetime): expected a UTC datetime such as 2026-11-22T14:30:00");
        assertThatThrownBy(() -> parse("res.partner", "type=billing")).hasMessage(
                "Bad value 'billing' for res.partner.type (selection): expected one of contact, invoice, delivery");
        assertThatThrownBy(() -> parse("res.partner", "parent_id=acme")).hasMessage(
                "Bad value 'acme' for res.partner.parent_id (many2one): expected the id of a res.partner");
        assertThatThrownBy(() -> parse("res.partner", "category_ids=3,x")).hasMessage("Bad value '3,x' for "
                + "res.partner.category_ids (many2many): expected res.partner.category ids, comma-separated, such as 3,7 "
                + "(nothing for none)");
        assertThatThrownBy(() -> parse("res.partner", "category_ids=3,")).hasMessageStartingWith(
                "Bad value '3,' for res.partner.category_ids (many2many)");
    }
}
