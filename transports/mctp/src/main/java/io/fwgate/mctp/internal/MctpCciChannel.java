package io.fwgate.mctp.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.function.IntSupplier;

import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.cci.CciChannel;
import io.fwgate.cci.CciFormatException;
import io.fwgate.cci.CciMessage;
import io.fwgate.mctp.MctpExchange;

/**
 * CXL commands to one MCTP endpoint as CCI messages of type 07h (FM API, a switch) or 08h (CCI, a type 3
 * device): the type byte, then the 12-byte CCI header and the payload. The answer must be a response with the
 * request's CCI tag and opcode; anything else the binding drops (a late answer to an earlier request). Being a
 * {@link CciChannel}, it also carries tunnels to the devices behind a switch. Thread-safe if the exchange is.
 */
public final class MctpCciChannel implements CciChannel {
    /** Type byte and CCI header. */
    private static final int OVERHEAD = 1 + CciMessage.HEADER_SIZE;

    private final MctpExchange exchange;
    private final String endpoint;
    private final MessageType type;
    private final IntSupplier tags;

    /**
     * @param exchange the binding's way to the endpoint
     * @param endpoint names the endpoint in errors
     * @param type {@link MessageType#CXL_FM_API} or {@link MessageType#CXL_CCI}
     * @param tags the next CCI message tag, 0 to 255, for each request
     */
    public MctpCciChannel(MctpExchange exchange, String endpoint, MessageType type, IntSupplier tags) {
        this.exchange = exchange;
        this.endpoint = endpoint;
        this.type = type;
        this.tags = tags;
    }

    /**
     * @throws IllegalArgumentException if the request has transport parameters, or an opcode or payload that
     *         does not fit a CCI message
     * @throws CciFormatException if the answer's payload length field disagrees with its size, or the answer is
     *         larger than the request accepts
     */
    @Override
    public DeviceResponse send(DeviceRequest request) throws IOException {
        if (!request.parameters().isEmpty()) {
            throw new IllegalArgumentException("CCI commands take no parameters, got " + request.parameters().keySet());
        }
        int tag = tags.getAsInt();
        int opcode = request.opcode();
        byte[] message = type.message(CciMessage.request(tag, opcode, request.payload()).encode());
        long maxAnswer = (long) OVERHEAD + request.maxResponseSize();
        byte[] answer = exchange.exchange(message, (int) Math.min(maxAnswer, Integer.MAX_VALUE),
                m -> answers(m, tag, opcode));
        CciMessage response = CciMessage.decode(Arrays.copyOfRange(answer, 1, answer.length));
        if (response.payloadLength() > request.maxResponseSize()) {
            throw new CciFormatException(endpoint + " answered " + response.payloadLength()
                    + " payload bytes, more than the " + request.maxResponseSize() + " requested");
        }
        Map<String, Long> fields = response.vendorStatus() == 0 ? Map.of()
                : Map.of("vendor-status", (long) response.vendorStatus());
        return new DeviceResponse(response.returnCode(), response.payload(), fields);
    }

    /** @return true if {@code message} is a CCI response of this type with that tag and opcode */
    private boolean answers(byte[] message, int tag, int opcode) {
        return message.length >= OVERHEAD && type.carries(message) && (message[1] & 0x0f) == CciMessage.RESPONSE
                && Byte.toUnsignedInt(message[2]) == tag
                && (Byte.toUnsignedInt(message[5]) << 8 | Byte.toUnsignedInt(message[4])) == opcode;
    }
}
