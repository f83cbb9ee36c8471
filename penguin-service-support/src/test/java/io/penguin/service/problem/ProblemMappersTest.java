package io.penguin.service.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.SocketException;
import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    private static final UriInfo URI = (UriInfo) Proxy.newProxyInstance(
            UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class}, (proxy, method, args) -> {
                if (method.getName().equals("getPath")) {
                    return "/v1/chat/completions";
                }
                throw new UnsupportedOperationException(method.getName());
            });

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aBodyCutOffByTheClientsResetIsA400NamingTheConnection() {
        // as RESTEasy Reactive's input stream reports it: the reset wrapped twice
        IOException reset = new IOException(new IOException(new SocketException("Connection reset")));

        Response response = mappers.unreadableRequest(reset, URI);

        assertThat(response.getStatus()).isEqualTo(400);
        Problem problem = (Problem) response.getEntity();
        assertThat(problem.type()).endsWith("/unreadable-body");
        assertThat(problem.detail()).contains("connection failed");
    }

    @Test
    void anyOtherIoFailureStaysTheServicesOwn500() {
        Response response = mappers.unreadableRequest(new IOException("disk full"), URI);

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(((Problem) response.getEntity()).type()).endsWith("/internal-error");
    }
}
