package io.connector.core.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

    @TempDir
    Path dir;

    @Test
    void sealsSoThatOnlyTheKeyOpens() throws Exception {
        SecretBox box = new SecretBox(dir.resolve("key"));
        String sealed = box.seal("s3cr3t-key");
        assertThat(sealed).startsWith("ENC(").endsWith(")").doesNotContain("s3cr3t");
        assertThat(box.seal("s3cr3t-key")).as("a fresh IV each time").isNotEqualTo(sealed);
        assertThat(box.open(sealed)).isEqualTo("s3cr3t-key");
        assertThat(new SecretBox(dir.resolve("key")).open(sealed)).as("same key file, e.g. after a restart").isEqualTo("s3cr3t-key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("key")))).isEqualTo("rw-------");
        assertThatThrownBy(() -> new SecretBox(dir.resolve("other")).open(sealed))
                .hasMessageStartingWith("Cannot read a stored password: it was sealed with another key");
    }

    @Test
    void plainAndEmptyValuesPassThrough() {
        SecretBox box = new SecretBox(dir.resolve("key"));
        assertThat(box.open("written-by-hand")).isEqualTo("written-by-hand");
        assertThat(box.seal("")).isEmpty();
        assertThat(box.open(null)).isEmpty();
    }
}
