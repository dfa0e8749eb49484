package io.fwgate.mctp.internal;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.LongSupplier;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;
import io.fwgate.api.spi.DeviceGoneException;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.cci.Fabric;
import io.fwgate.cci.FabricScan;
import io.fwgate.cci.TunnelRoute;
import io.fwgate.mctp.MctpCommands;
import io.fwgate.mctp.MctpExchange;
import io.fwgate.mctp.MctpSerialLink;

/**
 * One MCTP endpoint at the end of one serial line: the line (opened on first use), its requester, what
 * discovery learned, and for a switch the memory devices behind its ports. Requests go as
 * {@link MctpCommands} builds them: CXL commands as the device's CXL message type (07h or 08h), others as
 * the transport parameter {@value MctpCommands#TYPE_PARAMETER} names. A device behind the switch is reached by
 * tunnel over FM API messages. Thread-safe: one exchange at a time; {@link #info()} never waits.
 */
final class SerialEndpoint {
    /** fwgate owns no EID on a point-to-point line: it sends from the null EID. */
    static final int OWN_EID = 0;

    /** Opens the byte stream of a line. */
    @FunctionalInterface
    interface Opener {
        ByteLink open(MctpSerialLink link) throws IOException;
    }

    private final MctpSerialLink link;
    private final DeviceId id;
    private final String where;
    private final Opener opener;
    private final LongSupplier nanos;
    private final long timeoutNanos;
    private ByteLink line;
    private ControlMessages control;
    private MctpCommands commands;
    private volatile Optional<Discovery> discovery = Optional.empty();

    SerialEndpoint(String scheme, MctpSerialLink link, Opener opener, LongSupplier nanos, long timeoutNanos) {
        this.link = link;
        this.id = new DeviceId(scheme, link.address());
        this.where = "MCTP endpoint " + link.eid() + " on serial line " + link.path();
        this.opener = opener;
        this.nanos = nanos;
        this.timeoutNanos = timeoutNanos;
    }

    DeviceId id() {
        return id;
    }

    /** @return what is known now: before discovery ends, an MCTP endpoint whose discovery is under way */
    DeviceInfo info() {
        return discovery.map(d -> new DeviceInfo(id, d.kind(), -1, -1, Optional.empty(), where + ": " + d.describe()))
                .orElseGet(() -> new DeviceInfo(id, DeviceKind.MCTP_ENDPOINT, -1, -1, Optional.empty(),
                        where + ": discovery under way"));
    }

    /** @return the endpoint, then the memory devices discovery found behind it, e.g. {@code PATH,EID/port1/ld0} */
    List<DeviceInfo> infos() {
        List<DeviceInfo> all = new ArrayList<>(List.of(info()));
        all.addAll(discovery.map(Discovery::fabric).orElse(Fabric.NONE).infos(id, where));
        return all;
    }

    /**
     * Asks the endpoint for its EID and message types and, if it is a switch, for what is behind its ports;
     * each question is bounded by the timeout.
     *
     * @return what it learned, a failure included
     */
    synchronized Discovery discover() {
        Discovery found;
        try {
            ControlMessages c = control();
            ControlMessages.EndpointId answered = c.endpointId();
            found = answered.eid() != link.eid()
                    ? Discovery.failed("it reports EID " + answered.eid() + ", not " + link.eid())
                    : Discovery.of(c.messageTypes());
            if (found.kind() == DeviceKind.CXL_SWITCH) {
                found = found.with(FabricScan.scan(id, commands.cci(MctpCommands.CXL_FM_API)));
            }
        } catch (IOException e) {
            found = Discovery.failed(e.getMessage());
        }
        discovery = Optional.of(found);
        return found;
    }

    /**
     * @throws IOException if the endpoint does not answer discovery (asked again first) or the request
     * @throws IllegalArgumentException if the request's parameters or opcode do not suit MCTP
     * @throws UnsupportedOperationException if the endpoint does not speak the request's message type
     */
    synchronized DeviceResponse send(DeviceRequest request) throws IOException {
        Discovery known = known();
        MctpCommands c = commands();
        int type = c.messageType(request, known.cxlType().map(t -> OptionalInt.of(t.code()))
                .orElse(OptionalInt.empty()));
        MessageType messageType = MessageType.of(type);
        if (!known.speaks(messageType)) {
            throw new UnsupportedOperationException(id + " does not list message type " + messageType.label());
        }
        return c.send(type, request);
    }

    /**
     * Runs a CXL command on a memory device behind this switch, by tunnel.
     *
     * @param route the device's route: this endpoint, then its port and LD
     * @param request the command
     * @throws DeviceGoneException if discovery found no such device behind the switch
     * @throws io.fwgate.cci.TunnelFailedException if the switch or the MLD could not deliver the command (an LD
     *         that does not answer); the message names the route and the hop
     * @throws SocketTimeoutException if the switch did not answer in time; the message names the route
     * @throws IOException if the endpoint does not answer discovery, or the answer is malformed
     */
    synchronized DeviceResponse sendBehind(TunnelRoute route, DeviceRequest request) throws IOException {
        return known().fabric().send(commands().cci(MctpCommands.CXL_FM_API), route, request);
    }

    /** @return a successful discovery, asking again if the last one failed */
    private Discovery known() throws IOException {
        Discovery known = discovery.filter(d -> d.failure().isEmpty()).orElseGet(this::discover);
        if (known.failure().isPresent()) {
            throw new IOException(id + " " + known.describe());
        }
        return known;
    }

    private MctpCommands commands() throws IOException {
        control();
        return commands;
    }

    private ControlMessages control() throws IOException {
        if (line == null) {
            line = opener.open(link);
            MctpRequester requester = new MctpRequester(line, OWN_EID, nanos, timeoutNanos);
            String name = "MCTP endpoint " + link.eid();
            // the serial requester takes any size up to a whole reassembled message
            MctpExchange exchange = (message, maxAnswer, answers) -> requester.exchange(link.eid(), message, answers);
            commands = new MctpCommands(exchange, name);
            control = new ControlMessages(exchange, name);
        }
        return control;
    }

    /** Closes the line; a later request opens it again. */
    synchronized void close() throws IOException {
        if (line != null) {
            ByteLink closing = line;
            line = null;
            closing.close();
        }
    }
}
