package io.connector.core.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.connector.api.Backend;
import io.connector.api.BackendRecord;
import io.connector.api.BackendRecords;
import io.connector.store.testing.StoreFixture;
import io.connector.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What --json prints: one array of objects, field name to value, that a script parses. */
class JsonOutputTest {

    private static final ObjectMapper PARSER = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private StoreFixture fixture;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream stdout;

    @BeforeEach
    void setUp() {
        fixture = new StoreFixture(TestDatabase.h2(), "/connector/models.json", "/test-models.json");
        stdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void tearDown() {
        System.setOut(stdout);
        fixture.close();
    }

    @Test
    void valuesAreWrittenAsScriptsExpectThem() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", 3L);
        record.put("name", "Zoë \"Z\"");
        record.put("price", new BigDecimal("1E+3"));
        record.put("weight", new BigDecimal("0.250"));
        record.put("active", true);
        record.put("birthday", LocalDate.of(1990, 5, 17));
        record.put("write_date", LocalDateTime.of(2026, 11, 22, 14, 30));
        record.put("category_ids", List.of(1L, 4L));
        record.put("parent_id", null);
        assertThat(JsonRecords.write(List.of(record))).isEqualTo("[{\"id\":3,\"name\":\"Zoë \\\"Z\\\"\",\"price\":1000,"
                + "\"weight\":0.250,\"active\":true,\"birthday\":\"1990-05-17\",\"write_date\":\"2026-11-22T14:30:00\","
                + "\"category_ids\":[1,4],\"parent_id\":null}]");
        assertThat(JsonRecords.write(List.of())).isEqualTo("[]");
    }

    @Test
    void recordsJsonIsOneArrayOfTheChosenFieldsAndNothingElse() throws Exception {
        long acme = fixture.store.inTransaction(s -> s.create("res.partner", Map.of("name", "Acme SA", "is_company", true)));
        fixture.store.inTransaction(s -> s.create("res.partner", Map.of("name", "John", "parent_id", acme,
                "birthday", "1990-05-17")));
        fixture.store.inTransaction(s -> s.create("product.product", Map.of("name", "Chair", "price", "149.90")));
        RecordsCommand command = records("res.partner");
        command.where = List.of("is_company=false");
        command.fields = "name,parent_id,birthday";
        command.json = true;
        command.execute();
        assertThat(parse(out.toString(StandardCharsets.UTF_8))).containsExactly(
                Map.of("id", 2, "name", "John", "parent_id", (int) acme, "birthday", "1990-05-17"));

        out.reset();
        RecordsCommand products = records("product.product");
        products.json = true;
        products.execute();
        List<Map<String, Object>> all = parse(out.toString(StandardCharsets.UTF_8));
        assertThat(all).hasSize(1);
        assertThat(all.get(0)).containsEntry("price", new BigDecimal("149.9")).containsEntry("category_ids", List.of())
                .containsKeys("id", "sku", "cost", "active");
    }

    @Test
    void recordsTableShowsTheFirstRecordsAndSaysWhenThereAreMore() {
        for (int i = 1; i <= 3; i++) {
            int n = i;
            fixture.store.inTransaction(s -> s.create("res.partner", Map.of("name", "P" + n)));
        }
        RecordsCommand command = records("res.partner");
        command.fields = "name,email";
        command.limit = 2;
        command.execute();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).matches("id\\s*\\|\\s*name\\s*\\|\\s*email\\s*");
        assertThat(lines).anyMatch(line -> line.contains("P2")).noneMatch(line -> line.contains("P3"))
                .last().isEqualTo("The first 2 of 3; --limit shows more");
    }

    @Test
    void bindingsJsonIsOneArrayOfTheBindings() throws Exception {
        fixture.store.inTransaction(s -> s.upsertBinding("shop.res.partner", "b1", "136", Map.of("name", "John Doe")));
        BindingsCommand command = new BindingsCommand();
        command.store = fixture.store;
        command.backends = new OneBackend(new Shop("b1", "shop-one"));
        command.backend = "shop-one";
        command.model = "shop.res.partner";
        command.json = true;
        command.execute();
        List<Map<String, Object>> bindings = parse(out.toString(StandardCharsets.UTF_8));
        assertThat(bindings).hasSize(1);
        assertThat(bindings.get(0)).containsOnlyKeys("id", "external_id", "record_id", "sync_date", "name")
                .containsEntry("external_id", "136").containsEntry("name", "John Doe");
        assertThat((String) bindings.get(0).get("sync_date")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?");
    }

    private RecordsCommand records(String model) {
        RecordsCommand command = new RecordsCommand();
        command.store = fixture.store;
        command.model = model;
        return command;
    }

    /** The whole output as one JSON array: anything else printed would make this fail. */
    private static List<Map<String, Object>> parse(String output) throws Exception {
        return PARSER.readValue(output, new TypeReference<List<Map<String, Object>>>() { });
    }

    private record Shop(String id, String name) implements BackendRecord {

        @Override
        public Backend backend() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String location() {
            return "http://shop.example";
        }

        @Override
        public String username() {
            return "api";
        }

        @Override
        public String password() {
            return "secret";
        }

        @Override
        public Optional<String> option(String key) {
            return Optional.empty();
        }
    }

    private record OneBackend(BackendRecord record) implements BackendRecords {

        @Override
        public Collection<BackendRecord> all() {
            return List.of(record);
        }

        @Override
        public Optional<BackendRecord> find(String nameOrId) {
            return Arrays.asList(record.id(), record.name()).contains(nameOrId) ? Optional.of(record) : Optional.empty();
        }

        @Override
        public BackendRecord get(String nameOrId) {
            return find(nameOrId).orElseThrow();
        }
    }
}
