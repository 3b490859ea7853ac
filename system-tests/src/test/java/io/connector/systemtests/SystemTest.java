package io.connector.systemtests;

import java.util.ArrayList;
import java.util.List;

import org.junit.After;

/** What the system tests share: what a test opens (nodes, databases, shops) is closed after it, last opened first. */
abstract class SystemTest {

    private final List<AutoCloseable> closeAfter = new ArrayList<>();

    @After
    public void closeAll() {
        // Nodes first (they hold the database), then the database and the shop.
        for (int i = closeAfter.size() - 1; i >= 0; i--) {
            try {
                closeAfter.get(i).close();
            } catch (Exception e) {
                System.err.println("Closing " + closeAfter.get(i) + ": " + e);
            }
        }
        closeAfter.clear();
    }

    /** {@code resource}, closed after the test. */
    <T extends AutoCloseable> T closing(T resource) {
        closeAfter.add(resource);
        return resource;
    }
}
