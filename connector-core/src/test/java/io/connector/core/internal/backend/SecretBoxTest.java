package io.connector.core.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

    private static final String SHARED_KEY = Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'Q');

    @TempDir
    Path dir;

    @Test
    void sealsSoThatOnlyTheKeyOpens() throws Exception {
        SecretBox box = new SecretBox(dir.resolve("key"));
        String sealed = box.seal("s3cr3t-key");
        assertThat(sealed).startsWith("SEALED(").endsWith(")").doesNotContain("s3cr3t");
        assertThat(box.seal("s3cr3t-key")).as("a fresh IV each time").isNotEqualTo(sealed);
        assertThat(box.open(sealed)).isEqualTo("s3cr3t-key");
        assertThat(new SecretBox(dir.resolve("key")).open(sealed)).as("same key file, e.g. after a restart").isEqualTo("s3cr3t-key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("key")))).isEqualTo("rw-------");
        assertThatThrownBy(() -> new SecretBox(dir.resolve("other")).open(sealed))
                .hasMessageStartingWith("The stored password was sealed with another key than this node's (the file "
                        + dir.resolve("other") + ")")
                .hasMessageContaining("CONNECTOR_SEAL_KEY").hasMessageNotContaining("s3cr3t");
    }

    @Test
    void plainAndEmptyValuesPassThrough() {
        SecretBox box = new SecretBox(dir.resolve("key"));
        assertThat(box.open("written-by-hand")).isEqualTo("written-by-hand");
        assertThat(box.open("ENC-like but not(")).isEqualTo("ENC-like but not(");
        assertThat(box.seal("")).isEmpty();
        assertThat(box.open(null)).isEmpty();
    }

    @Test
    void nodesGivenTheSameKeyInTheEnvironmentOpenWhatTheOtherSealed() {
        SecretBox first = new SecretBox(dir.resolve("node1.key"), Map.of("CONNECTOR_SEAL_KEY", SHARED_KEY)::get);
        SecretBox second = new SecretBox(dir.resolve("node2.key"), Map.of("CONNECTOR_SEAL_KEY", SHARED_KEY)::get);
        assertThat(second.open(first.seal("odoo42"))).isEqualTo("odoo42");
        assertThat(dir.resolve("node1.key")).as("no key file made when the environment gives one").doesNotExist();
    }

    @Test
    void orTheSameKeyFileNamedInTheEnvironment() throws Exception {
        Path shared = Files.writeString(dir.resolve("shared.key"), SHARED_KEY + "\n");
        SecretBox first = new SecretBox(dir.resolve("node1.key"), Map.of("CONNECTOR_SEAL_KEY_FILE", shared.toString())::get);
        SecretBox second = new SecretBox(dir.resolve("node2.key"), Map.of("CONNECTOR_SEAL_KEY", SHARED_KEY)::get);
        assertThat(second.open(first.seal("odoo42"))).isEqualTo("odoo42");
        assertThatThrownBy(() -> new SecretBox(dir.resolve("k"), Map.of("CONNECTOR_SEAL_KEY_FILE", "/nowhere/key")::get).seal("x"))
                .hasMessage("Cannot read the seal key: the file /nowhere/key, named by CONNECTOR_SEAL_KEY_FILE is not a readable file");
    }

    @Test
    void aKeyThatIsNotAnAesKeyIsAClearErrorThatDoesNotQuoteIt() {
        assertThatThrownBy(() -> new SecretBox(dir.resolve("k"), Map.of("CONNECTOR_SEAL_KEY", "not*base64")::get).seal("x"))
                .hasMessageStartingWith("The seal key in the environment variable CONNECTOR_SEAL_KEY is not Base64")
                .hasMessageNotContaining("not*base64");
        String short64 = Base64.getEncoder().encodeToString(new byte[10]);
        assertThatThrownBy(() -> new SecretBox(dir.resolve("k"), Map.of("CONNECTOR_SEAL_KEY", short64)::get).seal("x"))
                .hasMessageStartingWith("The seal key in the environment variable CONNECTOR_SEAL_KEY is 80 bits long");
    }

    @Test
    void aValueSealedAsEarlierVersionsDidStillOpens() throws Exception {
        SecretBox box = new SecretBox(dir.resolve("node.key"), Map.of("CONNECTOR_SEAL_KEY", SHARED_KEY)::get);
        byte[] iv = new byte[12];
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(SHARED_KEY), "AES"), new GCMParameterSpec(128, iv));
        byte[] sealed = cipher.doFinal("odoo42".getBytes(StandardCharsets.UTF_8));
        String old = "ENC(" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array()) + ")";
        assertThat(box.open(old)).isEqualTo("odoo42");
    }
}
