package io.connector.core.internal.backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.connector.api.ConnectorException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Keeps backend passwords out of plain sight: Config Admin shows every property to whoever
 * runs {@code config:list}, so a password is stored there as {@code ENC(...)}, sealed with
 * AES-GCM under a key kept in a file only its owner can read. A plain value (a hand-written
 * configuration) is read as it is.
 */
@Component(service = SecretBox.class)
public final class SecretBox {

    private static final String PREFIX = "ENC(";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Path keyFile;
    private final SecureRandom random = new SecureRandom();
    private volatile SecretKey key;

    /** The key file beside Karaf's configuration, which {@code bin/karaf clean} keeps. */
    @Activate
    public SecretBox() {
        this(Path.of(System.getProperty("karaf.etc", System.getProperty("java.io.tmpdir")), "connector-secrets.key"));
    }

    public SecretBox(Path keyFile) {
        this.keyFile = keyFile;
    }

    public String seal(String plain) {
        if (plain == null || plain.isEmpty()) {
            return "";
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array()) + ")";
        } catch (GeneralSecurityException e) {
            throw new ConnectorException("Cannot seal a password: " + e.getMessage(), e);
        }
    }

    public String open(String stored) {
        if (stored == null || !stored.startsWith(PREFIX) || !stored.endsWith(")")) {
            return stored == null ? "" : stored;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length(), stored.length() - 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ConnectorException("Cannot read a stored password: it was sealed with another key than "
                    + keyFile + "; set it again with connector:backend-add after connector:backend-remove");
        }
    }

    private SecretKey key() {
        SecretKey k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = loadOrCreate();
                }
                k = key;
            }
        }
        return k;
    }

    private SecretKey loadOrCreate() {
        try {
            if (!Files.exists(keyFile)) {
                KeyGenerator generator = KeyGenerator.getInstance("AES");
                generator.init(256, random);
                byte[] encoded = Base64.getEncoder().encode(generator.generateKey().getEncoded());
                Files.createDirectories(keyFile.toAbsolutePath().getParent());
                try {
                    Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.write(keyFile, encoded);
                } catch (FileAlreadyExistsException raced) {
                    // another thread or node made it first: use theirs
                } catch (UnsupportedOperationException notPosix) {
                    Files.write(keyFile, encoded);
                }
            }
            byte[] decoded = Base64.getDecoder().decode(Files.readAllBytes(keyFile));
            return new SecretKeySpec(decoded, "AES");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the password key " + keyFile, e);
        } catch (GeneralSecurityException e) {
            throw new ConnectorException("AES is not available: " + e.getMessage(), e);
        }
    }
}
