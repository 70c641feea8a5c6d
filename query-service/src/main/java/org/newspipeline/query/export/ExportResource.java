package org.newspipeline.query.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.newspipeline.query.search.ArticleRow;
import org.newspipeline.query.search.SearchRequest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

@Path("/articles/export")
public class ExportResource {

    private final ArticleExport export;
    private final ObjectMapper json;

    public ExportResource(ArticleExport export, ObjectMapper json) {
        this.export = export;
        this.json = json;
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
        ArticleExport.Snapshot snapshot = export.open(SearchRequest.of(q, source, entity, type, place, lang, from, to, null, 1, null));
        StreamingOutput body = stream -> {
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
        };
        return Response.ok(body, rows.mediaType + ";charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"articles." + rows.extension + "\"").build();
    }
}
