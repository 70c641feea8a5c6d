package org.newspipeline.ingest.http;

import jakarta.ws.rs.core.MediaType;
import org.newspipeline.ingest.article.InvalidArticleException;
import org.newspipeline.ingest.format.TextFiles;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * A request body as the text the client meant: {@code Content-Encoding: gzip} inflated (never past
 * {@value #MAX_INFLATED_BYTES} bytes), then a byte-order mark, else the {@code charset} parameter,
 * else the bytes themselves decide (as for inbox files).
 */
final class RequestBodies {

    static final int MAX_INFLATED_BYTES = TextFiles.MAX_BYTES;

    private RequestBodies() {
    }

    static String text(byte[] body, String contentType, String contentEncoding) {
        byte[] bytes = inflate(body == null ? new byte[0] : body, contentEncoding);
        Charset charset = charset(contentType);
        // A byte-order mark outranks the label, as browsers have it: clients often label by default.
        if (charset == null || TextFiles.hasByteOrderMark(bytes)) {
            return TextFiles.decode(bytes);
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw InvalidArticleException.badRequest("the body is not valid " + charset.name() + " text");
        }
    }

    private static byte[] inflate(byte[] body, String contentEncoding) {
        String encoding = contentEncoding == null ? "identity" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        if (encoding.isEmpty() || encoding.equals("identity")) {
            return body;
        }
        if (!encoding.equals("gzip") && !encoding.equals("x-gzip")) {
            throw new InvalidArticleException(415, "Content-Encoding " + abbreviate(contentEncoding)
                    + " is not supported; send gzip or no encoding");
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (out.size() + n > MAX_INFLATED_BYTES) {
                    throw new InvalidArticleException(413, "the gzip body inflates to more than " + MAX_INFLATED_BYTES + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw InvalidArticleException.badRequest("the body is not valid gzip");
        }
    }

    /** @return the charset the Content-Type names, or null when it names none */
    private static Charset charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        String name;
        try {
            name = MediaType.valueOf(contentType).getParameters().get("charset");
        } catch (IllegalArgumentException e) {
            throw new InvalidArticleException(415, "the Content-Type cannot be read: " + abbreviate(contentType));
        }
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new InvalidArticleException(415, "charset " + abbreviate(name) + " is not supported");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
