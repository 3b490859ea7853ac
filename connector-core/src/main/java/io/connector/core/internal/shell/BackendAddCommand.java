package io.connector.core.internal.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.connector.api.BackendRecord;
import io.connector.core.internal.backend.BackendDirectory;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

@Service
@Command(scope = "connector", name = "backend-add", description = "Configures a backend record: a shop or server to synchronize with")
public class BackendAddCommand implements Action {

    @Reference
    BackendDirectory directory;

    @Reference
    Session session;

    @Argument(index = 0, name = "name", required = true, description = "What shell commands will call it, e.g. shop1")
    String name;

    @Argument(index = 1, name = "backend", required = true, description = "A declared backend, e.g. magento/1.7")
    @Completion(BackendNameCompleter.class)
    String backend;

    @Option(name = "--location", aliases = "-l", required = true, description = "Where it answers, e.g. https://shop.example.com")
    String location;

    @Option(name = "--username", aliases = "-u", description = "The API user")
    String username;

    @Option(name = "--password", aliases = "-p", description = "The API key; asked for when left out and a terminal is there")
    String password;

    @Option(name = "--token", aliases = "-t", description = "An access token the API takes in place of a user and key "
            + "(Magento 2's integration token); kept sealed as the password is")
    String token;

    @Option(name = "--option", aliases = "-o", multiValued = true, description = "KEY=VALUE, e.g. sale.prefix=mag-")
    List<String> options;

    @Override
    public Object execute() throws Exception {
        Map<String, String> parsed = new LinkedHashMap<>();
        if (options != null) {
            for (String option : options) {
                int eq = option.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("Invalid --option '" + option + "': expected KEY=VALUE");
                }
                parsed.put(option.substring(0, eq).trim(), option.substring(eq + 1));
            }
        }
        if (token != null) {
            if (password != null || username != null) {
                throw new IllegalArgumentException("Give either --token or --username and --password, not both");
            }
            password = token;
        }
        if (password == null && username != null && !username.isEmpty()) {
            password = session.readLine("Password for " + username + ": ", '*');
            if (password == null) {
                throw new IllegalArgumentException("No password given: pass --password or run the command in a terminal");
            }
        }
        BackendRecord record = directory.add(name, backend, location, username, password, parsed);
        System.out.println("Backend " + record.name() + " added: " + backend + " at " + record.location() + ", id " + record.id());
        return null;
    }
}
