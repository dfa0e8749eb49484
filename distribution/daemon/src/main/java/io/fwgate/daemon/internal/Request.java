package io.fwgate.daemon.internal;

import java.util.Map;

import io.fwgate.daemon.protocol.Protocol.Op;

/**
 * A valid request: its members checked for presence and type, not yet for meaning (the device id is
 * parsed when the request runs, so a bad one is the call's {@code bad-request}). Immutable.
 *
 * @param id the client's id, a Long or a String
 * @param op the operation
 * @param device the {@code device} member, or null when the operation takes none
 * @param command the {@code command} member of a call, else null
 * @param arguments the call's arguments as text, empty when absent
 * @param confirm the call's {@code confirm}, false when absent
 * @param limit the {@code limit} of an audit request, 0 when absent
 */
record Request(Object id, Op op, String device, String command, Map<String, String> arguments, boolean confirm,
        int limit) {
    Request {
        arguments = Map.copyOf(arguments);
    }
}
