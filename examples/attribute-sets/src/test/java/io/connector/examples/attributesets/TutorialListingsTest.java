package io.connector.examples.attributesets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * docs/tutorial.md shows this addon's files as its listings: each listing follows a line
 * {@code <!-- listing: PATH -->} naming the file, from the repository's root, and must be that file
 * exactly. So the tutorial cannot drift from the code the Pax Exam test runs: change one, and
 * this fails until the other follows.
 */
class TutorialListingsTest {

    /** The module's directory is the tests' working directory; the tutorial is two levels up. */
    private static final Path ROOT = Path.of("../..");
    private static final Path TUTORIAL = ROOT.resolve("docs/tutorial.md");
    private static final Pattern LISTING = Pattern.compile(
            "<!-- listing: (\\S+) -->\\R```[a-z]*\\R(.*?)^```$", Pattern.DOTALL | Pattern.MULTILINE);

    private record Listing(String path, String text) {
    }

    private static List<Listing> listings() throws IOException {
        String tutorial = Files.readString(TUTORIAL);
        List<Listing> listings = new ArrayList<>();
        Matcher matcher = LISTING.matcher(tutorial);
        while (matcher.find()) {
            listings.add(new Listing(matcher.group(1), matcher.group(2)));
        }
        return listings;
    }

    @Test
    void everyListingIsItsFileExactly() throws IOException {
        List<Listing> listings = listings();
        assertThat(listings).as("listings in %s", TUTORIAL).hasSizeGreaterThanOrEqualTo(8);
        for (Listing listing : listings) {
            Path file = ROOT.resolve(listing.path());
            assertThat(file).as("the file listing %s names", listing.path()).isRegularFile();
            assertThat(listing.text()).as("docs/tutorial.md's listing of %s, against the file", listing.path())
                    .isEqualTo(Files.readString(file));
        }
    }

    @Test
    void everyFileOfTheAddonIsListed() throws IOException {
        List<String> listed = listings().stream().map(Listing::path).toList();
        try (var files = Files.walk(Path.of("src/main"))) {
            List<String> sources = files.filter(Files::isRegularFile)
                    .map(f -> "examples/attribute-sets/" + f.toString().replace('\\', '/')).sorted().toList();
            assertThat(listed).as("the addon's files the tutorial lists").containsAll(sources);
        }
    }
}
