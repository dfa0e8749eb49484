package io.fwgate.mctp;

import java.io.IOException;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.cci.CciChannel;
import io.fwgate.mctp.internal.ControlMessages;
import io.fwgate.mctp.internal.MctpCciChannel;
import io.fwgate.mctp.internal.MessageType;
import io.fwgate.mctp.internal.NvmeMiMessages;

/**
 * The commands of every MCTP message type fwgate speaks, to one endpoint, over any binding: the one place
 * their requests are built and their answers checked. A {@link DeviceRequest} names its message type with
 * the transport parameter {@value #TYPE_PARAMETER} (a command table's constant parameter); without it, a
 * CXL command goes as the endpoint's CXL message type.
 * <ul>
 * <li>MCTP control (00h, DSP0236): opcode {@code 00h << 8 | command}; the instance id rotates and the
 * answer must repeat it and the command; status = completion code, payload = the data after it.</li>
 * <li>NVMe-MI (04h, sent as 84h with its CRC-32C integrity check): opcode {@code 04h << 8 | MI opcode};
 * payload = NMD0, NMD1 and request data; status = the response's status, payload = its data, field
 * {@code result} = the NVMe Management Response. An answer failing its integrity check is refused.</li>
 * <li>CXL FM API (07h) and CCI (08h): opcode and payload of the CCI message; the CCI tag rotates and the
 * answer must repeat it and the opcode; status = return code, field {@code vendor-status} when not 0.</li>
 * </ul>
 * Thread-safe if the exchange is.
 */
public final class MctpCommands {
    /** The transport parameter naming a request's MCTP message type. */
    public static final String TYPE_PARAMETER = "mctp-type";
    /** MCTP control. */
    public static final int CONTROL = 0x00;
    /** NVMe-MI. */
    public static final int NVME_MI = 0x04;
    /** CXL Fabric Manager API: switches and MLDs. */
    public static final int CXL_FM_API = 0x07;
    /** CXL Component Command Interface: type 3 devices. */
    public static final int CXL_CCI = 0x08;

    private final MctpExchange exchange;
    private final String endpoint;
    private final ControlMessages control;
    private final AtomicInteger cciTags = new AtomicInteger();

    /**
     * @param exchange the binding's way to the endpoint
     * @param endpoint names the endpoint in errors, e.g. {@code mctp:1,8}
     */
    public MctpCommands(MctpExchange exchange, String endpoint) {
        this.exchange = exchange;
        this.endpoint = endpoint;
        this.control = new ControlMessages(exchange, endpoint);
    }

    /**
     * @param request a request for the endpoint
     * @param cxlType the message type CXL commands travel as to this endpoint ({@link #CXL_FM_API} or
     *        {@link #CXL_CCI}), empty if it speaks neither
     * @return the message type the request goes as
     * @throws IllegalArgumentException if the request has another parameter than {@value #TYPE_PARAMETER}, or
     *         names a type fwgate does not speak
     * @throws UnsupportedOperationException if the request names no type and the endpoint speaks no CXL one
     */
    public int messageType(DeviceRequest request, OptionalInt cxlType) {
        Map<String, Long> parameters = request.parameters();
        if (!parameters.keySet().stream().allMatch(TYPE_PARAMETER::equals)) {
            throw new IllegalArgumentException(endpoint + " takes only the transport parameter " + TYPE_PARAMETER
                    + ", got " + parameters.keySet());
        }
        Long code = parameters.get(TYPE_PARAMETER);
        if (code == null) {
            return cxlType.orElseThrow(() -> new UnsupportedOperationException(endpoint + " speaks neither "
                    + MessageType.CXL_FM_API.label() + " nor " + MessageType.CXL_CCI.label()));
        }
        return MessageType.of(code).code();
    }

    /**
     * @param type the message type, as {@link #messageType} chose it
     * @param request the command; a parameter {@value #TYPE_PARAMETER} it carries is not sent
     * @return the answer, as the class comment maps it
     * @throws IllegalArgumentException if the opcode is not a command of that type or the payload does not suit
     *         it, or the type is not one fwgate speaks
     * @throws java.net.SocketTimeoutException if the endpoint did not answer in time
     * @throws IOException if the answer is malformed, fails its integrity check, or is larger than accepted
     */
    public DeviceResponse send(int type, DeviceRequest request) throws IOException {
        MessageType messageType = MessageType.of(type);
        DeviceRequest plain = new DeviceRequest(request.opcode(), request.payload(), Map.of(),
                request.maxResponseSize());
        return switch (messageType) {
            case CONTROL -> control.send(command(plain, messageType), plain);
            case NVME_MI -> NvmeMiMessages.send(exchange, command(plain, messageType), plain);
            case CXL_FM_API, CXL_CCI -> cci(type).send(plain);
        };
    }

    /**
     * @param type {@link #CXL_FM_API} or {@link #CXL_CCI}
     * @return CXL commands to the endpoint as messages of that type; a channel for
     *         {@link io.fwgate.cci.TunnelingTransport#send} to reach what is behind a switch
     * @throws IllegalArgumentException if the type is not a CXL one
     */
    public CciChannel cci(int type) {
        MessageType messageType = MessageType.of(type);
        if (messageType != MessageType.CXL_FM_API && messageType != MessageType.CXL_CCI) {
            throw new IllegalArgumentException(messageType.label() + " does not carry CXL commands");
        }
        return new MctpCciChannel(exchange, endpoint, messageType, () -> cciTags.getAndIncrement() & 0xff);
    }

    /** @return the command code of an opcode written {@code type << 8 | command} */
    private static int command(DeviceRequest request, MessageType type) {
        if (request.opcode() >> 8 != type.code()) {
            throw new IllegalArgumentException(String.format("opcode 0x%04x is not a command of message type %s: "
                    + "MCTP opcodes are written type << 8 | command", request.opcode(), type.label()));
        }
        return request.opcode() & 0xff;
    }
}
