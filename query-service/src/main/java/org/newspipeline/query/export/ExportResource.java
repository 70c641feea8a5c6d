package org.newspipeline.query.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.newspipeline.edge.Problem;
import org.newspipeline.query.search.ArticleRow;
import org.newspipeline.query.search.SearchRequest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Semaphore;

@Path("/articles/export")
public class ExportResource {

    private final ArticleExport export;
    private final ObjectMapper json;
    /** Each export holds a worker thread and a point in time of the index for as long as its client reads. */
    private final Semaphore running;

    public ExportResource(ArticleExport export, ObjectMapper json, @ConfigProperty(name = "query.export.at-once") int atOnce) {
        this.export = export;
        this.json = json;
        this.running = new Semaphore(atOnce);
    }

    @GET
    @Produces({"application/x-ndjson", "text/csv"})
    @Operation(summary = "Every match of a search (the filters of GET /articles), streamed in id order from one snapshot: "
            + "id, url, source, published_at with its precision and source, received_at, title, language, entities, story_id")
    public Response export(@Parameter(description = "ndjson (default) or csv") @QueryParam("format") String format,
                           @QueryParam("q") String q, @QueryParam("source") String source,
                           @QueryParam("entity") List<String> entity, @QueryParam("type") String type,
                           @QueryParam("place") String place, @QueryParam("lang") String lang,
                           @QueryParam("from") String from, @QueryParam("to") String to) {
        RowFormat rows = RowFormat.of(format);
        SearchRequest request = SearchRequest.of(q, source, entity, type, place, lang, from, to, null, 1, null);
        if (!running.tryAcquire()) {
            return Problem.builder(503, "as many exports as this replica runs at once are running; try again shortly")
                    .header("Retry-After", "30").build();
        }
        ArticleExport.Snapshot snapshot;
        try {
            snapshot = export.open(request);
        } catch (RuntimeException e) {
            running.release();
            throw e;
        }
        StreamingOutput body = stream -> {
            try {
                write(rows, snapshot, stream);
            } finally {
                running.release();
            }
        };
        return Response.ok(body, rows.mediaType + ";charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"articles." + rows.extension + "\"").build();
    }

    private void write(RowFormat rows, ArticleExport.Snapshot snapshot, OutputStream stream) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        rows.header(out);
        export.write(snapshot, new ArticleExport.Rows() {
            @Override
            public void write(ArticleRow row) throws IOException {
                rows.write(row, out, json);
            }

            @Override
            public void pageDone() throws IOException {
                out.flush();
            }
        });
        out.flush();
    }
}
