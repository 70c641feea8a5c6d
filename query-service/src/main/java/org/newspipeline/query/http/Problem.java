package org.newspipeline.query.http;

import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem body ({@code application/problem+json}). */
public record Problem(String type, String title, int status, String detail) {

    public static Response response(Response.Status status, String detail) {
        return Response.status(status)
                .type("application/problem+json")
                .entity(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail))
                .build();
    }
}
