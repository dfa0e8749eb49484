package io.fwgate.daemon.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SocketChannel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.Level;
import io.fwgate.api.Reach;
import io.fwgate.daemon.protocol.Protocol;
import io.fwgate.daemon.protocol.Protocol.ErrorKind;
import io.fwgate.daemon.protocol.Protocol.Op;
import io.fwgate.daemon.protocol.WireReader;
import io.fwgate.platform.AuditTrail;
import io.fwgate.platform.AuditVerification;
import io.fwgate.platform.BackgroundProgress;
import io.fwgate.platform.CallException;
import io.fwgate.platform.CallRequest;
import io.fwgate.platform.CallResult;
import io.fwgate.platform.Caller;
import io.fwgate.platform.CommandView;
import io.fwgate.platform.Gateway;
import io.fwgate.platform.PluginView;
import io.fwgate.platform.RefusedException;
import io.fwgate.platform.StatusView;

/**
 * The {@link Gateway} of a running daemon, over one connected socket. The daemon takes the caller's
 * identity from the kernel (the credentials of the process that connected): the {@link Caller} arguments
 * of this class are never sent.
 *
 * <p>The daemon's failures of a call arrive as the {@link CallException} the daemon's gateway threw (a
 * {@link RefusedException} with the needed and granted level and reach). Anything else that goes wrong
 * between client and daemon (connection lost, the daemon busy or stopping, an answer not understood) is
 * an {@link UncheckedIOException} whose message names the daemon's socket and the problem; the audit
 * methods report it as the {@link IOException} they declare. Thread-safe: requests on the connection are
 * serialized.
 */
public final class RemoteGateway implements Gateway, Closeable {
    private final DaemonConnection connection;

    /**
     * @param channel a connected, blocking channel to the daemon's socket; this gateway owns it
     */
    public RemoteGateway(SocketChannel channel) {
        this.connection = new DaemonConnection(channel);
    }

    @Override
    public List<DeviceInfo> devices() {
        return unchecked(() -> WireReader.devices(plain(Op.DEVICES, Map.of())));
    }

    @Override
    public List<CommandView> commands(DeviceId device) throws CallException {
        Object result = callable(Op.COMMANDS, Map.of("device", device.toString()));
        return unchecked(() -> WireReader.commands(result));
    }

    /** @param caller ignored: the daemon knows who connected */
    @Override
    public CallResult call(Caller caller, CallRequest request) throws CallException {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("device", request.device().toString());
        params.put("command", request.command());
        params.put("arguments", new LinkedHashMap<>(request.arguments()));
        params.put("confirm", request.confirm());
        Object result = callable(Op.CALL, params);
        return unchecked(() -> WireReader.result(result));
    }

    /** @param caller ignored: the daemon knows who connected */
    @Override
    public BackgroundProgress progress(Caller caller, DeviceId device) throws CallException {
        Object result = callable(Op.PROGRESS, Map.of("device", device.toString()));
        return unchecked(() -> WireReader.progress(result));
    }

    @Override
    public List<PluginView> plugins() {
        return unchecked(() -> WireReader.plugins(plain(Op.PLUGINS, Map.of())));
    }

    /** @param caller ignored: the status names the caller the daemon saw */
    @Override
    public StatusView status(Caller caller) {
        return unchecked(() -> WireReader.status(plain(Op.STATUS, Map.of())));
    }

    @Override
    public AuditTrail audit() {
        return new AuditTrail() {
            @Override
            public List<Map<String, Object>> records(int limit) throws IOException {
                return WireReader.records(io(Op.AUDIT, Map.of("limit", limit)));
            }

            @Override
            public AuditVerification verify() throws IOException {
                return WireReader.verification(io(Op.VERIFY, Map.of()));
            }
        };
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }

    private interface Read<T> {
        T read() throws IOException;
    }

    private static <T> T unchecked(Read<T> read) {
        try {
            return read.read();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** An operation whose failures are the call kinds: those become the CallException the daemon saw. */
    private Object callable(Op op, Map<String, Object> params) throws CallException {
        DaemonConnection.Answer answer = unchecked(() -> connection.exchange(op, params));
        if (answer.error().isEmpty()) {
            return answer.result();
        }
        Map<String, Object> error = answer.error().get();
        ErrorKind kind = ErrorKind.parse(text(error, Protocol.KIND)).orElse(ErrorKind.INTERNAL);
        Optional<CallException.Kind> callKind = kind.callKind();
        if (callKind.isEmpty()) {
            throw new UncheckedIOException(connection.failure(error), new IOException(error.toString()));
        }
        String message = text(error, Protocol.MESSAGE);
        if (kind == ErrorKind.REFUSED && error.get("needed-level") != null) {
            throw refused(message, error);
        }
        throw new CallException(callKind.get(), message);
    }

    private static String text(Map<String, Object> error, String member) {
        return String.valueOf(error.get(member));
    }

    private static CallException refused(String message, Map<String, Object> error) {
        try {
            return new RefusedException(message, Level.parse(text(error, "needed-level")),
                    Reach.parse(text(error, "needed-reach")), Level.parse(text(error, "granted-level")),
                    Reach.parse(text(error, "granted-reach")));
        } catch (IllegalArgumentException e) {
            // a level this client does not know: the refusal still stands, with its message
            return new CallException(CallException.Kind.REFUSED, message);
        }
    }

    /** An operation that cannot fail as a call: any error is the daemon's. */
    private Object plain(Op op, Map<String, Object> params) throws IOException {
        DaemonConnection.Answer answer = connection.exchange(op, params);
        if (answer.error().isPresent()) {
            throw new IOException(connection.failure(answer.error().get()));
        }
        return answer.result();
    }

    private Object io(Op op, Map<String, Object> params) throws IOException {
        DaemonConnection.Answer answer = connection.exchange(op, params);
        if (answer.error().isPresent()) {
            Map<String, Object> error = answer.error().get();
            // the daemon's own I/O failure reads as the message it gave, as the in-process gateway's would
            throw new IOException(ErrorKind.IO_ERROR.id().equals(error.get(Protocol.KIND))
                    ? text(error, Protocol.MESSAGE) : connection.failure(error));
        }
        return answer.result();
    }
}
