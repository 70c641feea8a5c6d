package org.newspipeline.edge;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.core.Response;
import org.newspipeline.contract.ContractJson;

/** An RFC 9457 problem body ({@code application/problem+json}): the one error form of every service. */
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The problem for a status, titled by its reason phrase. */
    public static Problem of(int status, String detail) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase() : switch (status) {
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            default -> "Error";
        };
        return new Problem("about:blank", title, status, detail);
    }

    /** A problem response to build on (e.g. to add {@code Retry-After}). */
    public static Response.ResponseBuilder builder(int status, String detail) {
        return Response.status(status).type(MEDIA_TYPE).entity(of(status, detail));
    }

    public static Response response(int status, String detail) {
        return builder(status, detail).build();
    }

    /** Ends a response of the HTTP layer (outside JAX-RS) with a problem body. */
    public static void end(HttpServerResponse response, int status, String detail) {
        response.setStatusCode(status).putHeader("Content-Type", MEDIA_TYPE)
                .end(Buffer.buffer(ContractJson.write(of(status, detail))));
    }

    /** A client's text quoted in a problem: short, and without control characters. */
    public static String printable(String text) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
