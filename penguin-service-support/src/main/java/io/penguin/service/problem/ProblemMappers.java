package io.penguin.service.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpClosedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every error of every service into a problem+json response with a message that says what is wrong. */
public class ProblemMappers {

    private static final String TYPE_BASE = "https://penguin.io/problems/";

    @ServerExceptionMapper
    public Response invalidRequest(IllegalArgumentException e, UriInfo uri) {
        return problem(Response.Status.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundProblem e, UriInfo uri) {
        return problem(Response.Status.NOT_FOUND, "not-found", "Not found", e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e, UriInfo uri) {
        return malformed(e, uri);
    }

    /**
     * A body of the wrong shape ({@code "sample":"many"}, a list where an object belongs). Declared for this exact
     * type because quarkus-rest-jackson ships its own mapper for it, which answers 400 with an empty body outside dev
     * mode; an application mapper for the same type takes precedence over the built-in one.
     */
    @ServerExceptionMapper
    public Response mismatchedBody(MismatchedInputException e, UriInfo uri) {
        return malformed(e, uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformed(json, uri);
        }
        String detail = e.getMessage();
        return problem(status, "http-" + status.getStatusCode(), status.getReasonPhrase(), detail, uri);
    }

    /**
     * A request body that could not be read because the connection failed under it (the client reset or closed it
     * before its body was in): the client's doing, so answered 400 and logged at DEBUG. Any other I/O failure is
     * {@link #unexpected}.
     */
    @ServerExceptionMapper
    public Response unreadableRequest(IOException e, UriInfo uri) {
        if (!connectionFailed(e)) {
            return unexpected(e, uri);
        }
        Log.debugf("request body on %s not read: the connection failed (%s)", uri.getPath(), e.getMessage());
        return problem(
                Response.Status.BAD_REQUEST,
                "unreadable-body",
                "Unreadable body",
                "the request body could not be read: the connection failed before it was in",
                uri);
    }

    private static boolean connectionFailed(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketException
                    || cause instanceof ClosedChannelException
                    || cause instanceof HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        Log.errorf(e, "unexpected error on %s", uri.getPath());
        return problem(
                Response.Status.INTERNAL_SERVER_ERROR,
                "internal-error",
                "Internal error",
                "the service failed to handle this request; the error is logged",
                uri);
    }

    private static Response malformed(JsonProcessingException e, UriInfo uri) {
        return problem(
                Response.Status.BAD_REQUEST, "malformed-json", "Malformed JSON", JsonBodyProblems.describe(e), uri);
    }

    private static Response problem(Response.StatusType status, String type, String title, String detail, UriInfo uri) {
        Problem body = new Problem(TYPE_BASE + type, title, status.getStatusCode(), detail, uri.getPath());
        return Response.status(status.getStatusCode())
                .type(Problem.MEDIA_TYPE)
                .entity(body)
                .build();
    }
}
