package org.newspipeline.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.newspipeline.contract.ContractJson;

import java.util.UUID;

/**
 * The errors no resource maps itself, as problem bodies that say what to fix and give away no
 * internals: no SQL, no stack trace, no class name. Anything unexpected is logged under an error
 * id, and the id is what the client gets.
 */
public class EdgeProblems {

    private static final Logger LOG = Logger.getLogger(EdgeProblems.class);

    /** What the framework rejects itself: unreadable JSON, a wrong media type, an unknown path. */
    @ServerExceptionMapper
    public Response framework(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.ResponseBuilder problem = Problem.builder(status, detail(e, status));
        if (e instanceof NotAllowedException) {
            e.getResponse().getAllowedMethods().forEach(m -> problem.header("Allow", m));
        }
        if (e.getResponse().getHeaderString("Retry-After") != null) {
            problem.header("Retry-After", e.getResponse().getHeaderString("Retry-After"));
        }
        return problem.build();
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return Problem.response(400, "malformed JSON: " + ContractJson.describe(e));
    }

    /** A value of the wrong type; named here, since the framework's own mapper of it would win over the one above. */
    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "error %s", id);
        return Problem.response(500, "internal error " + id + " (logged under that id)");
    }

    private static String detail(WebApplicationException e, int status) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return "malformed JSON: " + ContractJson.describe(json);
        }
        if (e instanceof NotSupportedException) {
            return "this endpoint does not take that Content-Type";
        }
        return switch (status) {
            case 404 -> "nothing here";
            case 405 -> "method not allowed here";
            case 406 -> "this endpoint answers application/json";
            case 413 -> "the request body is too large";
            case 415 -> "this endpoint does not take that Content-Type";
            case 503 -> "a dependency is unavailable; try again later";
            default -> e.getMessage() != null && !e.getMessage().startsWith("HTTP ") && !e.getMessage().contains("Exception")
                    ? e.getMessage() : Response.Status.fromStatusCode(status) != null
                    ? Response.Status.fromStatusCode(status).getReasonPhrase() : "error";
        };
    }
}
