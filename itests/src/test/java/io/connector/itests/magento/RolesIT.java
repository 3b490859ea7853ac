package io.connector.itests.magento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.Command;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Who may run what, through the shell's command guard as an SSH user would meet it: a viewer
 * reads, a manager imports, exports, retries and writes records, only an admin configures
 * backends; of Karaf's jdbc:* commands a viewer only lists data sources. Every connector:*
 * command has its line in the ACL: one left out would be open to anyone who can log in.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RolesIT extends MagentoTestSupport {

    @Inject
    protected ConfigurationAdmin configurations;

    @Configuration
    public Option[] config() {
        return karafWithSimulator().toArray(new Option[0]);
    }

    @Before
    public void shop() throws Exception {
        if (backends.find("shop").isEmpty()) {
            addShop("shop", "magento/1.7");
        }
    }

    /** The guard hides a command from a user without its role: to them it does not exist. */
    private static void refused(ThrowingRunnable command) {
        assertThatThrownBy(command::run).as("refused by the command guard")
                .satisfies(e -> assertThat(e.getClass().getSimpleName()).isEqualTo("CommandNotFoundException"))
                .hasMessageStartingWith("Command not found: ");
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    public void aViewerReadsButChangesNothing() throws Exception {
        assertThat(executeAs("connector:backend-list", "viewer")).contains("shop");
        assertThat(executeAs("connector:jobs", "viewer")).isNotNull();
        assertThat(executeAs("connector:records --count res.partner", "viewer")).isNotBlank();
        refused(() -> executeAs("connector:backend-remove shop", "viewer"));
        refused(() -> executeAs("connector:import --wait shop partners", "viewer"));
        refused(() -> executeAs("connector:record-create res.partner name=Intruder", "viewer"));
        refused(() -> executeAs("connector:job-retry --failed", "viewer"));
        refused(() -> executeAs("connector:export shop sale.order 1", "viewer"));
        assertThat(backends.find("shop")).as("still there").isPresent();
    }

    @Test
    public void aManagerWorksWithRecordsAndJobsButNotBackends() throws Exception {
        assertThat(executeAs("connector:record-create res.partner.category name=Managers", "manager", "viewer"))
                .contains("Created res.partner.category");
        assertThat(executeAs("connector:job-retry --failed", "manager", "viewer")).contains("failed jobs put back to pending");
        refused(() -> executeAs("connector:backend-remove shop", "manager", "viewer"));
        refused(() -> executeAs("connector:backend-add --location http://127.0.0.1:1 --username u --password p other magento/1.7",
                "manager", "viewer"));
        assertThat(backends.find("other")).isEmpty();
        // The same command is there for an admin: it runs, and says what is wrong with its argument.
        assertThatThrownBy(() -> executeAs("connector:backend-remove nosuch", "admin")).hasMessageContaining("nosuch")
                .satisfies(e -> assertThat(e.getClass().getSimpleName()).isNotEqualTo("CommandNotFoundException"));
    }

    @Test
    public void ofTheJdbcCommandsAViewerOnlyListsDataSources() throws Exception {
        assertThat(executeAs("jdbc:ds-list", "viewer")).contains("connector");
        refused(() -> executeAs("jdbc:query connector \"SELECT 1\"", "viewer"));
        refused(() -> executeAs("jdbc:execute connector \"DELETE FROM \\\"res_partner\\\"\"", "viewer", "manager"));
        refused(() -> executeAs("jdbc:ds-create -dn org.h2.Driver -url jdbc:h2:mem:x evil", "viewer", "manager"));
        refused(() -> executeAs("jdbc:tables connector", "viewer", "manager"));
        assertThat(executeAs("jdbc:tables connector", "admin")).as("there for an admin").containsIgnoringCase("res_partner");
    }

    @Test
    public void everyConnectorCommandIsInTheAcl() throws Exception {
        Set<String> commands = new TreeSet<>();
        for (Command command : sessionFactory.getRegistry().getCommands()) {
            if (command.getScope().equals("connector")) {
                commands.add(command.getName());
            }
        }
        assertThat(commands).contains("backend-add", "import", "export", "jobs");
        var acl = configurations.getConfiguration("org.apache.karaf.command.acl.connector", null).getProperties();
        assertThat(acl).as("the connector scope's ACL is installed").isNotNull();
        Set<String> listed = new TreeSet<>(Collections.list(acl.keys()));
        assertThat(listed).containsAll(commands);
    }
}
