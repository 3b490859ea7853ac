package io.connector.core.internal.shell;

import static io.connector.core.internal.resolver.TestUnits.magentoChain;
import static io.connector.core.internal.resolver.TestUnits.unit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.connector.core.internal.resolver.BackendInfo;
import io.connector.core.internal.resolver.UnitRegistry;
import org.apache.karaf.shell.api.console.CommandLine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CompletersTest {

    private final UnitRegistry registry = new UnitRegistry();

    @BeforeEach
    void register() {
        int key = 0;
        for (BackendInfo backend : magentoChain()) {
            registry.backendDeclared("b" + key++, backend);
        }
        registry.unitRegistered("u1", unit("U1").models("magento.res.partner", "magento.product.product").build());
        registry.unitRegistered("u2", unit("U2").type("io.connector.api.unit.Binder").models("magento.res.partner").build());
    }

    /** The command line "connector:units --option WORD" with the cursor at the end of WORD. */
    private static CommandLine typing(String word) {
        String buffer = "connector:units --x " + word;
        return new CommandLine() {
            public int getCursorArgumentIndex() {
                return 2;
            }

            public String getCursorArgument() {
                return word;
            }

            public int getArgumentPosition() {
                return word.length();
            }

            public String[] getArguments() {
                return new String[] {"connector:units", "--x", word};
            }

            public int getBufferPosition() {
                return buffer.length();
            }

            public String getBuffer() {
                return buffer;
            }
        };
    }

    private static List<String> complete(org.apache.karaf.shell.api.console.Completer completer, String word) {
        List<String> candidates = new ArrayList<>();
        completer.complete(null, typing(word), candidates);
        return candidates.stream().map(String::trim).toList();
    }

    @Test
    void backendNamesComplete() {
        BackendNameCompleter completer = new BackendNameCompleter();
        completer.registry = registry;
        assertThat(complete(completer, "magento/1.7")).containsExactlyInAnyOrder("magento/1.7", "magento/1.7-specific");
    }

    @Test
    void unitTypesCompleteBySimpleAndFullName() {
        UnitTypeCompleter completer = new UnitTypeCompleter();
        completer.registry = registry;
        assertThat(complete(completer, "Bi")).containsExactly("Binder");
        assertThat(complete(completer, "io.connector.api.unit.I")).containsExactly("io.connector.api.unit.ImportMapper");
    }

    @Test
    void modelsComplete() {
        ModelCompleter completer = new ModelCompleter();
        completer.registry = registry;
        assertThat(complete(completer, "magento.p")).containsExactly("magento.product.product");
    }
}
