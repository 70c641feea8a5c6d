package org.newspipeline.query.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error this service answers with is a problem+json body. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response badParameter(BadParameterException e) {
        return Problem.response(Response.Status.BAD_REQUEST, e.getMessage());
    }

    /** What the framework rejects itself (an unparsable number, an unknown path) gets a problem body too. */
    @ServerExceptionMapper
    public Response framework(WebApplicationException e) {
        return Problem.response(Response.Status.fromStatusCode(e.getResponse().getStatus()), e.getMessage());
    }
}
