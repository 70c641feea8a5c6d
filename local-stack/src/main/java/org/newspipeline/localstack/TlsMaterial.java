package org.newspipeline.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;

/**
 * A self-signed certificate for 127.0.0.1 and localhost, made once per data directory with the
 * JDK's keytool and kept in {@code <data>/tls/}: the broker's keystore, the clients' truststore
 * (PKCS12), and the same certificate and key as PEM for PostgreSQL, whose clients check it with
 * {@code sslmode=verify-full}.
 */
public record TlsMaterial(Path keystore, Path truststore, Path certificatePem, Path keyPem, String password) {

    private static final String ALIAS = "local-stack";
    private static final String PASSWORD_VARIABLE = "LOCAL_STACK_STORE_PASSWORD";

    /** The material in {@code dir}, made there first if it is not there yet. */
    public static TlsMaterial in(Path dir) throws IOException, InterruptedException {
        if (!Files.exists(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        TlsMaterial tls = new TlsMaterial(dir.resolve("keystore.p12"), dir.resolve("truststore.p12"),
                dir.resolve("certificate.pem"), dir.resolve("key.pem"), Secrets.kept(dir.resolve("store-password")));
        if (!Files.exists(tls.keyPem)) {
            tls.make();
        }
        return tls;
    }

    private void make() throws IOException, InterruptedException {
        Files.deleteIfExists(keystore);
        Files.deleteIfExists(truststore);
        keytool("-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass:env", PASSWORD_VARIABLE, "-keypass:env", PASSWORD_VARIABLE);
        keytool("-exportcert", "-rfc", "-alias", ALIAS, "-keystore", keystore.toString(), "-storepass:env", PASSWORD_VARIABLE,
                "-file", certificatePem.toString());
        keytool("-importcert", "-noprompt", "-alias", ALIAS, "-file", certificatePem.toString(), "-storetype", "PKCS12",
                "-keystore", truststore.toString(), "-storepass:env", PASSWORD_VARIABLE);
        PrivateKey key;
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            key = (PrivateKey) store.getKey(ALIAS, password.toCharArray());
        } catch (GeneralSecurityException e) {
            throw new IOException("could not read the key in " + keystore, e);
        }
        Path partial = keyPem.resolveSibling("key.pem.partial");
        Secrets.writeOwnerOnly(partial, pem("PRIVATE KEY", key.getEncoded()));
        Files.move(partial, keyPem);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    /** keytool reads the password from here, not from its command line (which every local user can list). */
    private void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(PASSWORD_VARIABLE, password);
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + output.strip());
        }
    }
}
