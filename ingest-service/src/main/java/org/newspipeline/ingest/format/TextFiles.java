package org.newspipeline.ingest.format;

import org.newspipeline.ingest.article.InvalidArticleException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Reads a text file in the charset it was really written in, so that no text turns to mojibake. */
public final class TextFiles {

    /** The most a file or request body may hold (the HTTP layer's limit, an NDJSON batch). */
    public static final int MAX_BYTES = 16 * 1024 * 1024;
    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    private TextFiles() {
    }

    /**
     * Reads a regular file, never through a symbolic link, and never more than {@link #MAX_BYTES}.
     *
     * @throws InvalidArticleException (413) when the file is larger
     */
    public static String read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw tooLarge(bytes.length);
            }
            return decode(bytes);
        }
    }

    public static InvalidArticleException tooLarge(long bytes) {
        return new InvalidArticleException(413, (bytes > MAX_BYTES ? "more than " + MAX_BYTES : bytes) + " bytes; the limit is "
                + MAX_BYTES);
    }

    /**
     * A byte-order mark decides; else strict UTF-8 if the bytes are valid UTF-8; else Windows-1251
     * when most high bytes are Cyrillic letters (0xC0-0xFF), else ISO-8859-1.
     */
    public static String decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        return new String(bytes, charsetOf(bytes));
    }

    public static boolean hasByteOrderMark(byte[] bytes) {
        return startsWith(bytes, 0xEF, 0xBB, 0xBF) || startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE);
    }

    /** The charset the bytes were most likely written in (see {@link #decode}). */
    public static Charset charsetOf(byte[] bytes) {
        if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
            return StandardCharsets.UTF_16;
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException notUtf8) {
            return looksCyrillic(bytes) ? WINDOWS_1251 : StandardCharsets.ISO_8859_1;
        }
    }

    private static boolean looksCyrillic(byte[] bytes) {
        int high = 0;
        int letters = 0;
        for (byte b : bytes) {
            int v = b & 0xFF;
            if (v >= 0x80) {
                high++;
                if (v >= 0xC0) {
                    letters++;
                }
            }
        }
        // Latin-1 text uses high bytes for a few accented letters among ASCII words; Cyrillic
        // text is mostly high bytes, nearly all in the letter range.
        return high > 0 && letters * 10 >= high * 9 && high * 3 >= countLetters(bytes);
    }

    private static int countLetters(byte[] bytes) {
        int n = 0;
        for (byte b : bytes) {
            int v = b & 0xFF;
            if (Character.isLetter(v) || v >= 0xC0) {
                n++;
            }
        }
        return n;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
