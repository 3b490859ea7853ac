package io.connector.core.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.connector.store.testing.StoreFixture;
import io.connector.store.testing.TestDatabase;
import org.apache.karaf.shell.api.console.Candidate;
import org.apache.karaf.shell.api.console.CommandLine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WritableFieldCompleterTest {

    private static StoreFixture fixture;
    private static final WritableFieldCompleter COMPLETER = new WritableFieldCompleter();

    @BeforeAll
    static void setUp() {
        fixture = new StoreFixture(TestDatabase.h2(), "/connector/models.json", "/test-models.json");
        COMPLETER.store = fixture.store;
    }

    @AfterAll
    static void tearDown() {
        fixture.close();
    }

    /** The command line typed so far, the cursor at the end of its last word. */
    private static CommandLine typing(String... words) {
        String buffer = String.join(" ", words);
        String word = words[words.length - 1];
        return new CommandLine() {
            public int getCursorArgumentIndex() {
                return words.length - 1;
            }

            public String getCursorArgument() {
                return word;
            }

            public int getArgumentPosition() {
                return word.length();
            }

            public String[] getArguments() {
                return words;
            }

            public int getBufferPosition() {
                return buffer.length();
            }

            public String getBuffer() {
                return buffer;
            }
        };
    }

    /** What the shell offers, as Karaf makes candidates of the completer's strings. */
    private static List<Candidate> complete(String... words) {
        List<Candidate> candidates = new ArrayList<>();
        COMPLETER.completeCandidates(null, typing(words), candidates);
        return candidates;
    }

    private static List<String> values(List<Candidate> candidates) {
        return candidates.stream().map(Candidate::value).toList();
    }

    @Test
    void fieldNamesOfTheModelCompleteWithTheirEqualsSignAndNoSpace() {
        List<Candidate> candidates = complete("connector:record-create", "res.partner", "name=Acme", "c");
        assertThat(values(candidates)).containsExactlyInAnyOrder("city=", "country_code=", "category_ids=")
                .as("a one2many is not written").doesNotContain("child_ids=");
        assertThat(candidates).noneMatch(Candidate::complete);
        assertThat(values(complete("connector:record-write", "res.partner", "3", "em"))).containsExactly("email=");
        assertThat(values(complete("connector:record-write", "shop.res.partner", "3", "web")))
                .containsExactly("website_id=");
        assertThat(values(complete("connector:record-write", "shop.res.partner", "3", "na"))).as("of the record it binds")
                .containsExactly("name=");
    }

    @Test
    void aSelectionCompletesItsValues() {
        List<Candidate> candidates = complete("connector:record-write", "res.partner", "3", "type=");
        assertThat(values(candidates)).containsExactlyInAnyOrder("type=contact", "type=invoice", "type=delivery");
        assertThat(candidates).allMatch(Candidate::complete);
        assertThat(values(complete("connector:record-write", "res.partner", "3", "type=in"))).containsExactly("type=invoice");
        assertThat(complete("connector:record-write", "res.partner", "3", "name=")).isEmpty();
    }

    @Test
    void anUnknownModelCompletesNothing() {
        assertThat(complete("connector:record-create", "res.partners", "na")).isEmpty();
    }
}
