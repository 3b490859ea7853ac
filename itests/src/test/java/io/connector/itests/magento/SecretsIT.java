package io.connector.itests.magento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.sql.DataSource;

import io.connector.api.job.JobAdmin;
import io.connector.api.job.JobView;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/**
 * A backend's API key appears nowhere an operator or an attacker reads: not in the log (the
 * connector's loggers at DEBUG), not in shell output, not in the job tables, not in a JMX
 * attribute, not in an error, whether the key is right (an import runs) or wrong (Magento
 * refuses it and the jobs fail).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SecretsIT extends MagentoTestSupport {

    /** A wrong key, distinctive enough that finding it anywhere is a leak. */
    private static final String WRONG_KEY = "Zq9-wrong-key-Xk2";

    @Inject
    protected JobAdmin jobAdmin;

    @Inject
    @Filter("(dataSourceName=connector)")
    protected DataSource dataSource;

    @Inject
    protected org.osgi.service.cm.ConfigurationAdmin configurationAdmin;

    @Configuration
    public Option[] config() {
        List<Option> options = karafWithSimulator();
        options.add(editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.logger.connector.name", "io.connector"));
        options.add(editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.logger.connector.level", "DEBUG"));
        return options.toArray(new Option[0]);
    }

    @Test
    public void theApiKeyIsInNoLogLineShellOutputJobRowJmxAttributeOrError() throws Exception {
        List<String> printed = new ArrayList<>();
        addShop("shop", "magento/1.7");
        printed.add(execute("connector:backend-add --location " + simulator() + " --username " + SimulatorLauncher.USER
                + " --password " + WRONG_KEY + " refused magento/1.7"));
        await(() -> backends.find("refused").isPresent());
        printed.add(execute("connector:import --sync shop metadata"));
        printed.add(execute("connector:import --wait shop customer-groups"));
        try {
            execute("connector:import --sync refused metadata");
        } catch (Exception e) {
            printed.add(e.toString());
            assertThat(e).hasMessageContaining("refused the API user").hasMessageNotContaining(WRONG_KEY);
        }
        execute("connector:import refused customer-groups");
        printed.add(execute("connector:jobs --wait --timeout 60 --backend refused"));
        printed.add(execute("connector:backend-list"));
        printed.add(execute("connector:backends"));
        printed.add(execute("connector:jobs --limit 200"));
        for (var job : jobs("refused")) {
            printed.add(execute("connector:job " + job));
        }

        for (String key : List.of(SimulatorLauncher.API_KEY, WRONG_KEY)) {
            assertThat(printed).as("shell output").noneMatch(text -> text.contains(key));
            assertThat(jobTables(key)).as("job and store tables").isEmpty();
            assertThat(jmxAttributes(key)).as("JMX attributes").isEmpty();
            Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
            assertThat(Files.readString(log)).as("karaf.log, io.connector at DEBUG").doesNotContain(key);
        }
        assertThat(Files.readString(Path.of(System.getProperty("karaf.data"), "log", "karaf.log")))
                .as("the log was written at DEBUG").contains("DEBUG");
    }

    /**
     * The same backend record written by hand on every node of a cluster names its key with Karaf's
     * placeholders, which Config Admin fills in for the component and nowhere else: a file in etc/
     * ({@code $[secret:NAME]}) or an environment variable ({@code $[env:NAME]}). One added by the
     * shell keeps it sealed, as {@code SEALED(...)}.
     */
    @Test
    public void aKeyGivenAsAKarafPlaceholderLogsInAndShowsAsThePlaceholderOnly() throws Exception {
        Path etc = Path.of(System.getProperty("karaf.etc"));
        Files.writeString(etc.resolve("itest-shop-key"), SimulatorLauncher.API_KEY);
        handWritten("by-secret", "$[secret:itest-shop-key]");
        handWritten("by-env", "$[env:CONNECTOR_ITEST_SHOP_KEY]");
        for (String name : List.of("by-secret", "by-env")) {
            await(() -> backends.find(name).isPresent());
            assertThat(execute("connector:import-record " + name + " magento.res.partner 136"))
                    .as("logged in with the key the placeholder gives").contains("136 of backend " + name);
        }
        // Karaf's config:list shows the processed properties, the key filled in: a viewer may not run it.
        assertThatThrownBy(() -> executeAs("config:list '(service.factoryPid=io.connector.backend)'", "viewer"))
                .hasMessageStartingWith("Command not found: ");

        execute("connector:backend-add --location " + simulator() + " --username " + SimulatorLauncher.USER
                + " --password " + SimulatorLauncher.API_KEY + " sealed magento/1.7");
        await(() -> backends.find("sealed").isPresent());
        assertThat(executeAs("config:list '(name=sealed)'", "manager", "viewer")).contains(".password = SEALED(")
                .doesNotContain(SimulatorLauncher.API_KEY);
    }

    private void handWritten(String name, String password) throws Exception {
        var configuration = configurationAdmin.createFactoryConfiguration("io.connector.backend", "?");
        java.util.Hashtable<String, Object> properties = new java.util.Hashtable<>();
        properties.put("name", name);
        properties.put("id", name + "-id");
        properties.put("service", "magento");
        properties.put("version", "1.7");
        properties.put("location", simulator());
        properties.put("username", SimulatorLauncher.USER);
        properties.put(".password", password);
        configuration.update(properties);
    }

    private List<String> jobs(String backend) {
        List<String> uuids = jobAdmin.list(null, null, backends.get(backend).id(), 200).stream().map(JobView::uuid).toList();
        assertThat(uuids).as("jobs of " + backend).isNotEmpty();
        return uuids;
    }

    /** Every text value of every table of the connector database that contains {@code secret}, as "table: value". */
    private List<String> jobTables(String secret) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rows.next()) {
                    if (!"INFORMATION_SCHEMA".equalsIgnoreCase(rows.getString("TABLE_SCHEM"))) {
                        tables.add(rows.getString("TABLE_NAME"));
                    }
                }
            }
            assertThat(tables).contains("connector_job", "connector_job_payload");
            for (String table : tables) {
                try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            Object value = rows.getObject(i);
                            if (value != null && String.valueOf(value).contains(secret)) {
                                found.add(table + ": " + value);
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    private static List<String> jmxAttributes(String secret) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        List<String> found = new ArrayList<>();
        List<ObjectName> names = new ArrayList<>(server.queryNames(new ObjectName("io.connector:*"), null));
        assertThat(names).as("the connector's MBeans").isNotEmpty();
        for (ObjectName name : names) {
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                Object value = server.getAttribute(name, attribute.getName());
                if (String.valueOf(value).contains(secret)) {
                    found.add(name + " " + attribute.getName());
                }
            }
        }
        return found;
    }
}
