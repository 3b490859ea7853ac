package io.connector.core.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.connector.api.store.RecordEvent;
import io.connector.api.store.RecordListener;
import io.connector.api.store.StoreException;
import io.connector.store.testing.StoreFixture;
import io.connector.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** connector:record-create, record-write and record-delete on a real store, with a record listener hearing them. */
class RecordCommandsTest {

    /** What a listener heard, as one line each: "create res.partner 1 {name=Acme} export". */
    private final List<String> heard = new ArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private StoreFixture fixture;
    private PrintStream stdout;

    @BeforeEach
    void setUp() {
        fixture = new StoreFixture(TestDatabase.h2(), "/connector/models.json", "/test-models.json");
        fixture.listeners.add(new RecordListener() {
            @Override
            public void onRecordCreate(RecordEvent event) {
                heard.add(line("create", event));
            }

            @Override
            public void onRecordWrite(RecordEvent event) {
                heard.add(line("write", event));
            }

            @Override
            public void onRecordUnlink(RecordEvent event) {
                heard.add(line("unlink", event));
            }
        }, Map.of());
        stdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void tearDown() {
        System.setOut(stdout);
        fixture.close();
    }

    private static String line(String kind, RecordEvent event) {
        return kind + " " + event.model() + " " + event.id() + " " + event.values() + (event.noExport() ? " no-export" : " export");
    }

    @Test
    void createPrintsTheIdAndListenersHearItAsAnExport() {
        long category = fixture.store.inTransaction(s -> s.create("res.partner.category", Map.of("name", "VIP")));
        heard.clear();
        create("res.partner", "name=Acme SA", "is_company=true", "category_ids=" + category);
        assertThat(printed()).isEqualTo("Created res.partner 1");
        assertThat(heard).containsExactly("create res.partner 1 {name=Acme SA, is_company=true, category_ids=[" + category
                + "]} export");
        assertThat(read("res.partner", 1L).orElseThrow())
                .containsEntry("name", "Acme SA").containsEntry("is_company", true)
                .containsEntry("category_ids", List.of(category));
    }

    @Test
    void writePrintsTheFieldsWrittenAndListenersHearIt() {
        long acme = fixture.store.inTransaction(s -> s.create("res.partner", Map.of("name", "Acme", "email", "old@acme.example")));
        heard.clear();
        write("res.partner", acme, "name=Acme SA", "email=");
        assertThat(printed()).isEqualTo("Wrote res.partner " + acme + ": name, email");
        assertThat(heard).containsExactly("write res.partner " + acme + " {name=Acme SA, email=null} export");
        Map<String, Object> record = read("res.partner", acme).orElseThrow();
        assertThat(record).containsEntry("name", "Acme SA");
        assertThat(record.get("email")).isNull();
    }

    @Test
    void deletePrintsTheRecordAndListenersHearItBefore() {
        long acme = fixture.store.inTransaction(s -> s.create("res.partner", Map.of("name", "Acme")));
        heard.clear();
        delete("res.partner", acme);
        assertThat(printed()).isEqualTo("Deleted res.partner " + acme);
        assertThat(heard).containsExactly("unlink res.partner " + acme + " {} export");
        assertThat(read("res.partner", acme)).isEmpty();
    }

    @Test
    void severalRecordsAreWrittenInOneTransactionEachHeard() {
        create("res.partner", "name=A");
        create("res.partner", "name=B");
        create("res.partner", "name=C");
        heard.clear();
        write("res.partner", "1,2-3", "email=all@example.com");
        assertThat(heard).containsExactly("write res.partner 1 {email=all@example.com} export",
                "write res.partner 2 {email=all@example.com} export", "write res.partner 3 {email=all@example.com} export");
        assertThatThrownBy(() -> write("res.partner", "1,2,9", "email=x")).hasMessageContaining("9");
        assertThat(read("res.partner", 2).orElseThrow()).containsEntry("email", "all@example.com");
        assertThatThrownBy(() -> write("res.partner", "3-1", "email=x")).hasMessageContaining("must go up");
        assertThatThrownBy(() -> write("res.partner", "a-b", "email=x")).hasMessageContaining("'a-b' is not a record id");
    }

    @Test
    void aBindingModelWritesTheRecordItBinds() {
        create("shop.res.partner", "backend_id=b1", "external_id=136", "website_id=2", "name=John");
        Map<String, Object> binding = read("shop.res.partner", 1L).orElseThrow();
        long partner = (Long) binding.get("record_id");
        assertThat(heard).containsExactly("create res.partner " + partner + " {name=John} export",
                "create shop.res.partner 1 {backend_id=b1, external_id=136, website_id=2, name=John, record_id=" + partner
                        + "} export");

        heard.clear();
        out.reset();
        write("shop.res.partner", 1L, "name=Jane", "website_id=3");
        assertThat(printed()).isEqualTo("Wrote shop.res.partner 1: name, website_id");
        assertThat(read("res.partner", partner).orElseThrow()).containsEntry("name", "Jane");
        assertThat(read("shop.res.partner", 1L).orElseThrow()).containsEntry("website_id", 3L);
        assertThat(heard).containsExactly("write res.partner " + partner + " {name=Jane} export",
                "write shop.res.partner 1 {name=Jane, website_id=3} export");
    }

    @Test
    void theStoresErrorsReachTheOperatorAndNothingIsWritten() {
        assertThatThrownBy(() -> create("res.partner", "email=a@example.com")).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Missing required value for res.partner.name");
        assertThatThrownBy(() -> create("sale.order", "name=SO1", "partner_id=999")).isInstanceOf(StoreException.class)
                .hasMessage("Invalid value for sale.order.partner_id: res.partner 999 does not exist");
        assertThatThrownBy(() -> create("res.partner", "name=Acme", "category_ids=998")).isInstanceOf(StoreException.class)
                .hasMessageContaining("res.partner.category [998] do not exist");
        assertThat(count("res.partner")).as("rolled back").isZero();
        assertThat(heard).as("the store fires a create once its many2many are set").isEmpty();

        long acme = fixture.store.inTransaction(s -> s.create("res.partner", Map.of("name", "Acme")));
        fixture.store.inTransaction(s -> s.create("sale.order", Map.of("name", "SO1", "partner_id", acme)));
        assertThatThrownBy(() -> delete("res.partner", acme)).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Cannot delete res.partner " + acme + ": other records refer to it");
        assertThatThrownBy(() -> write("res.partner", acme, "name=")).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Missing required value for res.partner.name");
        assertThat(read("res.partner", acme).orElseThrow()).containsEntry("name", "Acme");
    }

    @Test
    void aMissingRecordOrModelIsNamed() {
        assertThatThrownBy(() -> write("res.partner", 42, "name=Acme")).isInstanceOf(StoreException.class)
                .hasMessage("No res.partner record with id 42");
        assertThatThrownBy(() -> write("shop.res.partner", 42, "name=Acme")).hasMessage("No shop.res.partner record with id 42");
        assertThatThrownBy(() -> delete("res.partner", 42)).hasMessage("No res.partner record with id 42");
        assertThatThrownBy(() -> create("res.partners", "name=Acme")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Unknown model 'res.partners'. Models: ");
        assertThatThrownBy(() -> write("res.partners", 1, "name=Acme")).hasMessageStartingWith("Unknown model 'res.partners'");
        assertThatThrownBy(() -> delete("res.partners", 1)).hasMessageStartingWith("Unknown model 'res.partners'. Models: ");
        assertThatThrownBy(() -> write("res.partner", 1)).hasMessage("Give the fields to write after the id: FIELD=VALUE...");
        assertThat(heard).isEmpty();
        assertThat(printed()).isEmpty();
    }

    private void create(String model, String... values) {
        RecordCreateCommand command = new RecordCreateCommand();
        command.store = fixture.store;
        command.model = model;
        command.values = Arrays.asList(values);
        command.execute();
    }

    private void write(String model, long id, String... values) {
        write(model, Long.toString(id), values);
    }

    private void write(String model, String ids, String... values) {
        RecordWriteCommand command = new RecordWriteCommand();
        command.store = fixture.store;
        command.model = model;
        command.id = ids;
        command.values = Arrays.asList(values);
        command.execute();
    }

    private void delete(String model, long id) {
        RecordDeleteCommand command = new RecordDeleteCommand();
        command.store = fixture.store;
        command.model = model;
        command.id = id;
        command.execute();
    }

    private Optional<Map<String, Object>> read(String model, long id) {
        return fixture.store.inTransaction(s -> s.read(model, id));
    }

    private long count(String model) {
        return fixture.store.inTransaction(s -> s.query(model).count());
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8).strip();
    }
}
