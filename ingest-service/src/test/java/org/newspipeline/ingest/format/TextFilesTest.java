package org.newspipeline.ingest.format;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Files in the charset they were written in, and never through a link. */
class TextFilesTest {

    @Test
    void a_byte_order_mark_else_the_bytes_decide_the_charset() {
        String text = "МОСКВА, 26 мая. /ТАСС/. Переговоры";
        assertEquals(text, TextFiles.decode(("\uFEFF" + text).getBytes(StandardCharsets.UTF_8)));
        assertEquals(text, TextFiles.decode(("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE)));
        assertEquals(text, TextFiles.decode(text.getBytes(StandardCharsets.UTF_8)));
        assertEquals(text, TextFiles.decode(text.getBytes(Charset.forName("windows-1251"))));
        assertEquals("Café à Genève", TextFiles.decode("Café à Genève".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void a_link_is_never_followed(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "secret");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), secret);
        assertEquals("secret", TextFiles.read(secret));
        assertThrows(IOException.class, () -> TextFiles.read(link));
    }
}
