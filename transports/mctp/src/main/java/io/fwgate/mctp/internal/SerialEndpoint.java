package io.fwgate.mctp.internal;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;
import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.mctp.MctpSerialLink;

/**
 * One MCTP endpoint at the end of one serial line: the line (opened on first use), its requester, and
 * what discovery learned. Requests go as the device's CXL message type (07h or 08h) or, with the transport
 * parameter {@value #TYPE_PARAMETER}, as MCTP control or NVMe-MI commands whose opcode is
 * {@code type << 8 | command}. Thread-safe: one exchange at a time; {@link #info()} never waits.
 */
final class SerialEndpoint {
    /** The transport parameter naming the MCTP message type of a request. */
    static final String TYPE_PARAMETER = "mctp-type";
    /** fwgate owns no EID on a point-to-point line: it sends from the null EID. */
    static final int OWN_EID = 0;

    /** Opens the byte stream of a line. */
    @FunctionalInterface
    interface Opener {
        ByteLink open(MctpSerialLink link) throws IOException;
    }

    private final MctpSerialLink link;
    private final DeviceId id;
    private final Opener opener;
    private final LongSupplier nanos;
    private final long timeoutNanos;
    private ByteLink line;
    private MctpRequester requester;
    private ControlMessages control;
    private volatile Optional<Discovery> discovery = Optional.empty();

    SerialEndpoint(String scheme, MctpSerialLink link, Opener opener, LongSupplier nanos, long timeoutNanos) {
        this.link = link;
        this.id = new DeviceId(scheme, link.address());
        this.opener = opener;
        this.nanos = nanos;
        this.timeoutNanos = timeoutNanos;
    }

    DeviceId id() {
        return id;
    }

    /** @return what is known now: before discovery ends, an MCTP endpoint whose discovery is under way */
    DeviceInfo info() {
        String where = "MCTP endpoint " + link.eid() + " on serial line " + link.path() + ": ";
        return discovery.map(d -> new DeviceInfo(id, d.kind(), -1, -1, Optional.empty(), where + d.describe()))
                .orElseGet(() -> new DeviceInfo(id, DeviceKind.MCTP_ENDPOINT, -1, -1, Optional.empty(),
                        where + "discovery under way"));
    }

    /**
     * Asks the endpoint for its EID and message types, each question bounded by the timeout.
     *
     * @return what it learned, a failure included
     */
    synchronized Discovery discover() {
        Discovery found;
        try {
            ControlMessages c = control();
            ControlMessages.EndpointId answered = c.endpointId(link.eid());
            found = answered.eid() != link.eid()
                    ? Discovery.failed("it reports EID " + answered.eid() + ", not " + link.eid())
                    : Discovery.of(c.messageTypes(link.eid()));
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
        Discovery known = discovery.filter(d -> d.failure().isEmpty()).orElseGet(this::discover);
        if (known.failure().isPresent()) {
            throw new IOException(id + " " + known.describe());
        }
        Map<String, Long> parameters = request.parameters();
        if (!parameters.keySet().stream().allMatch(TYPE_PARAMETER::equals)) {
            throw new IllegalArgumentException(id + " takes only the transport parameter " + TYPE_PARAMETER + ", got "
                    + parameters.keySet());
        }
        Long code = parameters.get(TYPE_PARAMETER);
        MessageType type = code == null
                ? known.cxlType().orElseThrow(() -> new UnsupportedOperationException(id + " speaks neither "
                        + MessageType.CXL_FM_API.label() + " nor " + MessageType.CXL_CCI.label()))
                : MessageType.of(code);
        if (!known.speaks(type)) {
            throw new UnsupportedOperationException(id + " does not list message type " + type.label());
        }
        return switch (type) {
            case CONTROL -> control(request);
            case NVME_MI -> nvmeMi(request);
            case CXL_FM_API, CXL_CCI -> new MctpCciChannel(requester(), link.eid(), type)
                    .send(new DeviceRequest(request.opcode(), request.payload(), Map.of(), request.maxResponseSize()));
        };
    }

    private DeviceResponse control(DeviceRequest request) throws IOException {
        ControlMessages.Answer answer = control().command(link.eid(), command(request, MessageType.CONTROL),
                request.payload());
        if (answer.data().length > request.maxResponseSize()) {
            throw new IOException(id + " answered " + answer.data().length + " bytes of control data, more than the "
                    + request.maxResponseSize() + " requested");
        }
        return new DeviceResponse(answer.completionCode(), answer.data());
    }

    private DeviceResponse nvmeMi(DeviceRequest request) throws IOException {
        byte[] message = NvmeMiMessages.request(command(request, MessageType.NVME_MI), request.payload());
        return NvmeMiMessages.response(requester().request(link.eid(), MessageType.NVME_MI, message),
                request.maxResponseSize());
    }

    /** @return the command code of an opcode written {@code type << 8 | command} */
    private int command(DeviceRequest request, MessageType type) {
        if (request.opcode() >> 8 != type.code()) {
            throw new IllegalArgumentException(String.format("opcode 0x%04x is not a command of message type %s: "
                    + "MCTP opcodes are written type << 8 | command", request.opcode(), type.label()));
        }
        return request.opcode() & 0xff;
    }

    private MctpRequester requester() throws IOException {
        control();
        return requester;
    }

    private ControlMessages control() throws IOException {
        if (line == null) {
            line = opener.open(link);
            requester = new MctpRequester(line, OWN_EID, nanos, timeoutNanos);
            control = new ControlMessages(requester);
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
