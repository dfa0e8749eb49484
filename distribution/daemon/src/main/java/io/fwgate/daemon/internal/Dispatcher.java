package io.fwgate.daemon.internal;

import java.io.IOException;

import io.fwgate.api.DeviceId;
import io.fwgate.api.Level;
import io.fwgate.api.Reach;
import io.fwgate.daemon.protocol.Protocol.ErrorKind;
import io.fwgate.daemon.protocol.Wire;
import io.fwgate.platform.CallException;
import io.fwgate.platform.CallRequest;
import io.fwgate.platform.Caller;
import io.fwgate.platform.Gateway;
import io.fwgate.platform.RefusedException;
import io.fwgate.platform.StatusView;

/**
 * Runs one request line for a caller the kernel named and returns the response line. The gateway judges
 * calls; the daemon itself only restricts reading the audit log (other users' arguments are in it) to
 * callers granted {@code configuration} or more, as the log file's mode restricts it to root. Thread-safe
 * as the gateway is.
 */
final class Dispatcher {
    /** Reading the audit log through the daemon needs this level. */
    static final Level AUDIT_LEVEL = Level.CONFIGURATION;

    private final Gateway gateway;
    private final Log log;

    Dispatcher(Gateway gateway, Log log) {
        this.gateway = gateway;
        this.log = log;
    }

    /**
     * @param caller who is asking, from the socket's peer credentials
     * @param line a request line
     * @return the response line
     */
    byte[] handle(Caller caller, byte[] line) {
        Request request;
        try {
            request = RequestParser.parse(line);
        } catch (ProtocolError e) {
            return Responses.error(e.id(), e.kind(), e.getMessage());
        }
        try {
            return Responses.result(request.id(), run(caller, request));
        } catch (CallException e) {
            return Responses.error(request.id(), e);
        } catch (IOException e) {
            return Responses.error(request.id(), ErrorKind.IO_ERROR, String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            log.problem("request " + request.op().id() + " of " + caller + " failed: " + e);
            return Responses.error(request.id(), ErrorKind.INTERNAL, "the daemon failed: " + e);
        }
    }

    private Object run(Caller caller, Request request) throws CallException, IOException {
        return switch (request.op()) {
            case DEVICES -> gateway.devices().stream().map(Wire::device).toList();
            case COMMANDS -> gateway.commands(device(request)).stream().map(Wire::command).toList();
            case CALL -> Wire.result(gateway.call(caller,
                    new CallRequest(device(request), request.command(), request.arguments(), request.confirm())));
            case PROGRESS -> Wire.progress(gateway.progress(caller, device(request)));
            case PLUGINS -> gateway.plugins().stream().map(Wire::plugin).toList();
            case STATUS -> Wire.status(gateway.status(caller));
            case AUDIT -> {
                mayReadAudit(caller);
                yield gateway.audit().records(request.limit());
            }
            case VERIFY -> {
                mayReadAudit(caller);
                yield Wire.verification(gateway.audit().verify());
            }
        };
    }

    private static DeviceId device(Request request) throws CallException {
        try {
            return DeviceId.parse(request.device());
        } catch (IllegalArgumentException e) {
            throw new CallException(CallException.Kind.BAD_REQUEST, e.getMessage());
        }
    }

    private void mayReadAudit(Caller caller) throws RefusedException {
        StatusView status = gateway.status(caller);
        if (status.grantedLevel().compareTo(AUDIT_LEVEL) < 0) {
            throw new RefusedException("refused: reading the audit log through the daemon needs level "
                    + AUDIT_LEVEL.id() + ", you have " + status.grantedLevel().id(), AUDIT_LEVEL,
                    Reach.DEVICE, status.grantedLevel(), status.grantedReach());
        }
    }
}
