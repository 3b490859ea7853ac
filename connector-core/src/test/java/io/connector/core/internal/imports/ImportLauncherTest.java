package io.connector.core.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.connector.api.ConnectorException;
import io.connector.api.DeclareImport;
import io.connector.api.ImportDeclaration;
import io.connector.api.Imports;
import io.connector.api.UnknownBackendException;
import io.connector.api.unit.AbstractUnit;
import io.connector.api.unit.BatchImporter;
import io.connector.core.internal.KeptJobs;
import io.connector.core.internal.UnitsOnShop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The launcher as the {@link Imports} service that consoles outside the core bundle use. */
class ImportLauncherTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:15:00Z");

    static final class Batches extends AbstractUnit implements BatchImporter {
        @Override
        public void run(Map<String, Object> filters) {
        }
    }

    private final UnitsOnShop on = new UnitsOnShop()
            .register(BatchImporter.class, Batches::new, "shop.res.partner", "shop.res.partner.category");
    private final KeptJobs jobs = on.jobs;
    private ImportLauncher launcher;
    private Imports imports;

    @BeforeEach
    void setUp() {
        launcher = new ImportLauncher(on.shop.records(), on.environments, jobs, on.fixture.store, Clock.fixed(NOW, ZoneOffset.UTC));
        launcher.addImport(new ImportDeclaration() {
        }, declaration("partners", 1, true, "shop.res.partner.category", "shop.res.partner"));
        launcher.addImport(new ImportDeclaration() {
        }, declaration("groups", 0, false, "shop.res.partner.category"));
        imports = launcher;
    }

    @AfterEach
    void tearDown() {
        on.close();
    }

    private static Map<String, Object> declaration(String name, int order, boolean incremental, String... models) {
        String prefix = DeclareImport.PREFIX_;
        return Map.of(prefix + "service", "shop", prefix + "name", name, prefix + "models", models, prefix + "order", order,
                prefix + "incremental", incremental, prefix + "description", "The shop's " + name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> filters(Map<String, Object> job) {
        return (Map<String, Object>) KeptJobs.args(job).get("filters");
    }

    @Test
    void offersTheBackendsImportsInTheirDeclaredOrderByNameOrId() {
        List<Imports.Offered> offered = imports.offered("Madison Island");
        assertThat(offered).containsExactly(
                new Imports.Offered("groups", List.of("shop.res.partner.category"), false, "The shop's groups"),
                new Imports.Offered("partners", List.of("shop.res.partner.category", "shop.res.partner"), true,
                        "The shop's partners"));
        assertThat(imports.offered("b1")).isEqualTo(offered);
        assertThatThrownBy(() -> imports.offered("nowhere")).isInstanceOf(UnknownBackendException.class)
                .hasMessageContaining("nowhere");
    }

    @Test
    void startDelaysOneBatchJobPerModelChainedInTheDeclaredOrder() {
        Imports.Started started = imports.start("Madison Island", "partners", null);

        assertThat(started.backendId()).isEqualTo("b1");
        assertThat(started.backendName()).isEqualTo("Madison Island");
        assertThat(started.name()).isEqualTo("partners");
        assertThat(started.from()).as("never imported before: from the beginning").isEmpty();
        assertThat(started.jobUuids()).containsExactly("uuid-1", "uuid-2");
        assertThat(jobs.chains).containsExactly(List.of("uuid-1", "uuid-2"));
        assertThat(jobs.delayed).extracting(job -> job.get("function")).containsOnly("import_batch");
        assertThat(jobs.delayed).extracting(job -> (Object) KeptJobs.args(job).get("model"))
                .containsExactly("shop.res.partner.category", "shop.res.partner");
        assertThat(jobs.delayed).allSatisfy(job -> {
            assertThat(filters(job)).as("the importer's default chunk size").doesNotContainKey(BatchImporter.CHUNK_SIZE)
                    .containsEntry(BatchImporter.TO_DATE, "2026-11-22T10:15");
        });
    }

    @Test
    void startFromAGivenDateAndOfAOneModelImportDelaysItsJobAlone() {
        Imports.Started started = imports.start("b1", "partners", LocalDateTime.parse("2026-11-01T00:00:00"));
        assertThat(started.from()).contains(LocalDateTime.parse("2026-11-01T00:00:00"));
        assertThat(filters(jobs.delayed.get(0))).containsEntry(BatchImporter.FROM_DATE, "2026-11-01T00:00");

        Imports.Started groups = imports.start("b1", "groups", null);
        assertThat(groups.jobUuids()).containsExactly("uuid-3");
        assertThat(jobs.chains).hasSize(1);
    }

    @Test
    void startNamesWhatIsWrong() {
        assertThatThrownBy(() -> imports.start("b1", "orders", null)).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("Unknown import 'orders'").hasMessageContaining("one of: groups, partners");
        assertThatThrownBy(() -> imports.start("b1", "groups", LocalDateTime.parse("2026-11-01T00:00:00")))
                .hasMessageContaining("Import 'groups' always imports everything");
        assertThatThrownBy(() -> imports.start("nowhere", "groups", null)).isInstanceOf(UnknownBackendException.class);
        assertThat(jobs.delayed).isEmpty();
    }
}
