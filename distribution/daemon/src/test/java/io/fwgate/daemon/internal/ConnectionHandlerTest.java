package io.fwgate.daemon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.fwgate.platform.Caller;

/** One connection's conversation: answers in order, errors that close and errors that do not. */
class ConnectionHandlerTest {
    private static final Caller ROOT = new Caller(0, 0, new long[0]);
    private final FakeGateway gateway = new FakeGateway();
    private final ScriptedConnection connection = new ScriptedConnection();
    private boolean stopping;

    private void serve() throws Exception {
        LineReader reader = new LineReader(connection, 128, Duration.ofSeconds(10), Duration.ofMinutes(5),
                () -> connection.nanos);
        Log quiet = new Log() {
            @Override
            public void info(String line) {
            }

            @Override
            public void problem(String line) {
            }
        };
        new ConnectionHandler(connection, reader, new Dispatcher(gateway, quiet), () -> stopping).serve(ROOT);
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderAndBadOnesDoNotEndTheConnection() throws Exception {
        connection.send("{\"fwgate\":1,\"id\":1,\"op\":\"devices\"}\n[]\n{\"fwgate\":1,\"id\":3,\"op\":\"nope\"}\n"
                + "{\"fwgate\":1,\"id\":4,\"op\":\"status\"}\n").end();

        serve();

        assertThat(connection.lines()).hasSize(4);
        assertThat(connection.lines().get(0)).startsWith("{\"fwgate\":1,\"id\":1,\"result\":[");
        assertThat(connection.lines().get(1)).contains("\"kind\":\"malformed\"");
        assertThat(connection.lines().get(2)).contains("\"id\":3").contains("\"kind\":\"invalid-request\"");
        assertThat(connection.lines().get(3)).startsWith("{\"fwgate\":1,\"id\":4,\"result\":{");
    }

    @Test
    void anOversizedRequestIsAnsweredAndNothingAfterItIsRead() throws Exception {
        connection.send("{\"x\":\"" + "y".repeat(200) + "\"}\n{\"fwgate\":1,\"id\":2,\"op\":\"devices\"}\n").end();

        serve();

        assertThat(connection.lines()).singleElement().asString().contains("\"kind\":\"too-large\"");
    }

    @Test
    void aRequestReadWhileStoppingIsRefusedWithItsId() throws Exception {
        stopping = true;
        connection.send("{\"fwgate\":1,\"id\":\"last\",\"op\":\"call\",\"device\":\"emu:mem0\",\"command\":\"x\"}\n");

        serve();

        assertThat(connection.lines()).singleElement().asString().contains("\"id\":\"last\"")
                .contains("\"kind\":\"shutting-down\"");
        assertThat(gateway.requests).isEmpty();
    }
}
