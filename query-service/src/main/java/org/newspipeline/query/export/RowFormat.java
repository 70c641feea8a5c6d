package org.newspipeline.query.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.newspipeline.query.search.ArticleRow;
import org.newspipeline.query.search.BadParameterException;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.stream.Collectors;

/** How exported rows are written: one JSON object per line, or CSV (RFC 4180) with a header. */
enum RowFormat {
    NDJSON("application/x-ndjson", "ndjson"),
    CSV("text/csv", "csv");

    static final String CSV_HEADER = "id,url,source,published_at,date_precision,date_source,received_at,title,language,entities,story_id";

    final String mediaType;
    final String extension;

    RowFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    static RowFormat of(String format) {
        if (format == null || format.isBlank()) {
            return NDJSON;
        }
        try {
            return valueOf(format.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("format must be ndjson or csv, not " + format);
        }
    }

    void header(Writer out) throws IOException {
        if (this == CSV) {
            out.write(CSV_HEADER);
            out.write("\r\n");
        }
    }

    void write(ArticleRow row, Writer out, ObjectMapper json) throws IOException {
        if (this == NDJSON) {
            out.write(json.writeValueAsString(row));
            out.write('\n');
            return;
        }
        String entities = row.entities().stream().map(e -> e.name() + " (" + e.type() + ")").collect(Collectors.joining("; "));
        String[] cells = {row.id(), row.url(), row.source(), row.publishedAt(), row.datePrecision(), row.dateSource(),
                row.receivedAt(), row.title(), row.language(), entities, row.story()};
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells[i]));
        }
        out.write("\r\n");
    }

    /**
     * A CSV cell: quoted when it must be; text a spreadsheet would run as a formula (=, +, -, @ first)
     * is kept as text with a leading apostrophe.
     */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
