package io.connector.itests;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Versions of the test's Maven dependencies, as depends-maven-plugin recorded them. */
final class MavenVersions {

    private MavenVersions() {
    }

    static String of(String groupId, String artifactId) {
        Properties properties = new Properties();
        try (InputStream in = MavenVersions.class.getResourceAsStream("/META-INF/maven/dependencies.properties")) {
            if (in == null) {
                throw new IllegalStateException("dependencies.properties is missing: run the tests through Maven");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String version = properties.getProperty(groupId + "/" + artifactId + "/version");
        if (version == null) {
            throw new IllegalStateException(groupId + ":" + artifactId + " is not a dependency of the itests module");
        }
        return version;
    }
}
