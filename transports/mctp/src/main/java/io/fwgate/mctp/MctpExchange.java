package io.fwgate.mctp;

import java.io.IOException;
import java.util.function.Predicate;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * How one MCTP binding (the userspace serial binding, kernel AF_MCTP sockets) carries a request message to
 * one endpoint and brings back its response: it addresses the endpoint, owns and matches the MCTP tag, and
 * hands over only messages from that endpoint answering that tag. What a message means is
 * {@link MctpCommands}' business: it builds the request and tells the binding which message answers it.
 */
@ConsumerType
@FunctionalInterface
public interface MctpExchange {
    /**
     * Sends one request message and waits, at most the binding's timeout, for its answer.
     *
     * @param request the whole message, its message type byte (integrity check bit included) first
     * @param maxAnswer the longest answer, type byte included, the caller accepts; a binding whose buffers
     *        are sized by it fails with an {@link IOException} on a longer one
     * @param answers true for the message, type byte first, that answers this request; the binding drops
     *        any other (a late answer to an earlier request) and keeps waiting
     * @return the answer, type byte first
     * @throws java.net.SocketTimeoutException if no answer came in time
     * @throws IOException if the request was not delivered, or the binding failed
     */
    byte[] exchange(byte[] request, int maxAnswer, Predicate<byte[]> answers) throws IOException;
}
