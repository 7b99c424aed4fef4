package dev.rapport.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.ForbiddenException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become HTTP responses. Each method exists only to out-rank a more specific
 * built-in mapper; all of them delegate to {@link Problems}.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response answer = respond(e, uri);
        return e.retryAfterSeconds() > 0
                ? Response.fromResponse(answer).header("Retry-After", String.valueOf(e.retryAfterSeconds())).build()
                : answer;
    }

    @ServerExceptionMapper
    public Response validation(ValidationException e, UriInfo uri) {
        return respond(e, uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return respond(e, uri);
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return respond(e, uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Response.status(403).type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.TYPE_PREFIX + "forbidden", "Forbidden", 403,
                        "Your role does not allow this operation", uri.getPath(), java.util.List.of()))
                .build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getResponse().getStatus() == 401) {
            return e.getResponse();
        }
        return respond(e, uri);
    }

    @ServerExceptionMapper
    public Response any(Throwable e, UriInfo uri) {
        return respond(e, uri);
    }

    public static Response respond(Throwable e, UriInfo uri) {
        Problem p = Problems.from(e, uri == null ? null : uri.getPath());
        Response.ResponseBuilder answer = Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p);
        if (p.status() == 503) {
            answer.header("Retry-After", "1");
        }
        return answer.build();
    }
}
