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
import java.util.function.UnaryOperator;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.connector.api.ConnectorException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Keeps backend passwords out of plain sight: Config Admin shows every property to whoever runs
 * {@code config:list}, so a password is stored there as {@code SEALED(...)}, sealed with AES-GCM
 * under the seal key. Not {@code ENC(...)}: in Karaf that means a jasypt value to
 * pax-jdbc-config and its users; values an earlier version stored so are still opened. A plain
 * value (a hand-written configuration, or one Karaf's {@code $[env:...]} / {@code $[secret:...]}
 * placeholders filled in) is read as it is.
 *
 * <p>The seal key is, in this order: the environment variable {@value #KEY_VARIABLE} (the key
 * itself, Base64), the file the environment variable {@value #KEY_FILE_VARIABLE} names, or
 * {@code etc/connector-secrets.key}, made on first use and readable by its owner only. Nodes
 * sharing a database give all of them the same key, so that each opens what another sealed.
 */
@Component(service = SecretBox.class)
public final class SecretBox {

    public static final String KEY_VARIABLE = "CONNECTOR_SEAL_KEY";
    public static final String KEY_FILE_VARIABLE = "CONNECTOR_SEAL_KEY_FILE";
    private static final String PREFIX = "SEALED(";
    /** What versions before 0.2 wrote. */
    private static final String OLD_PREFIX = "ENC(";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Path defaultKeyFile;
    private final UnaryOperator<String> environment;
    private final SecureRandom random = new SecureRandom();
    private volatile SecretKey key;
    /** Where the key came from, in words: for errors. */
    private volatile String keySource;

    /** The key file beside Karaf's configuration, which {@code bin/karaf clean} keeps. */
    @Activate
    public SecretBox() {
        this(Path.of(System.getProperty("karaf.etc", System.getProperty("java.io.tmpdir")), "connector-secrets.key"), System::getenv);
    }

    /** With the key in {@code keyFile}, whatever the environment says. */
    public SecretBox(Path keyFile) {
        this(keyFile, name -> null);
    }

    /** {@code environment}: the environment variables, as {@link System#getenv(String)} reads them. */
    public SecretBox(Path defaultKeyFile, UnaryOperator<String> environment) {
        this.defaultKeyFile = defaultKeyFile;
        this.environment = environment;
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

    /** Whether {@code stored} is a sealed value (else it is read as it is). */
    public static boolean isSealed(String stored) {
        return stored != null && (stored.startsWith(PREFIX) || stored.startsWith(OLD_PREFIX)) && stored.endsWith(")");
    }

    public String open(String stored) {
        if (!isSealed(stored)) {
            return stored == null ? "" : stored;
        }
        String body = stored.substring(stored.indexOf('(') + 1, stored.length() - 1);
        try {
            byte[] bytes = Base64.getDecoder().decode(body);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new ConnectorException("The stored password was sealed with another key than this node's (" + keySource
                    + "): give every node the key of the node that sealed it (" + KEY_VARIABLE + " or " + KEY_FILE_VARIABLE
                    + "), or set the password again with connector:backend-remove and connector:backend-add");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ConnectorException("The stored password is not a sealed value (" + e.getClass().getSimpleName()
                    + "): set it again with connector:backend-remove and connector:backend-add");
        }
    }

    private SecretKey key() {
        SecretKey k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = load();
                }
                k = key;
            }
        }
        return k;
    }

    private SecretKey load() {
        String given = environment.apply(KEY_VARIABLE);
        if (given != null && !given.isBlank()) {
            keySource = "the environment variable " + KEY_VARIABLE;
            return decode(given.trim(), keySource);
        }
        String file = environment.apply(KEY_FILE_VARIABLE);
        if (file != null && !file.isBlank()) {
            Path path = Path.of(file.trim());
            keySource = "the file " + path + ", named by " + KEY_FILE_VARIABLE;
            if (!Files.isReadable(path)) {
                throw new ConnectorException("Cannot read the seal key: " + keySource + " is not a readable file");
            }
            return decode(read(path), keySource);
        }
        keySource = "the file " + defaultKeyFile;
        createIfMissing(defaultKeyFile);
        return decode(read(defaultKeyFile), keySource);
    }

    /** An AES key of 128, 192 or 256 bits, in Base64; anything else is an error naming where it came from, never the key. */
    private static SecretKey decode(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new ConnectorException("The seal key in " + source + " is not Base64: make one with "
                    + "'head -c 32 /dev/urandom | base64'");
        }
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new ConnectorException("The seal key in " + source + " is " + bytes.length * 8
                    + " bits long; an AES key is 128, 192 or 256 bits: make one with 'head -c 32 /dev/urandom | base64'");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the seal key " + file, e);
        }
    }

    private void createIfMissing(Path file) {
        try {
            if (Files.exists(file)) {
                return;
            }
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            byte[] encoded = Base64.getEncoder().encode(generator.generateKey().getEncoded());
            Files.createDirectories(file.toAbsolutePath().getParent());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.write(file, encoded);
            } catch (FileAlreadyExistsException raced) {
                // another thread or process made it first: use theirs
            } catch (UnsupportedOperationException notPosix) {
                Files.write(file, encoded);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the seal key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new ConnectorException("AES is not available: " + e.getMessage(), e);
        }
    }
}
