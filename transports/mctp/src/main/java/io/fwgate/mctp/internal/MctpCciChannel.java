package io.fwgate.mctp.internal;

import java.io.IOException;
import java.util.Map;

import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.cci.CciChannel;
import io.fwgate.cci.CciFormatException;
import io.fwgate.cci.CciMessage;

/**
 * CXL commands to one MCTP endpoint as CCI messages of type 07h (FM API, a switch) or 08h (CCI, a type 3
 * device). Being a {@link CciChannel}, it also carries tunnels to the devices behind a switch.
 */
final class MctpCciChannel implements CciChannel {
    private final MctpRequester requester;
    private final int eid;
    private final MessageType type;

    /**
     * @param requester the serial line's requester
     * @param eid the endpoint
     * @param type {@link MessageType#CXL_FM_API} or {@link MessageType#CXL_CCI}
     */
    MctpCciChannel(MctpRequester requester, int eid, MessageType type) {
        this.requester = requester;
        this.eid = eid;
        this.type = type;
    }

    /**
     * @throws IllegalArgumentException if the request has transport parameters
     * @throws CciFormatException if the answer is not a CCI response to this command
     */
    @Override
    public DeviceResponse send(DeviceRequest request) throws IOException {
        if (!request.parameters().isEmpty()) {
            throw new IllegalArgumentException("CCI commands take no parameters, got " + request.parameters().keySet());
        }
        // the CCI message tag is left 0: the MCTP tag already matches the answer to the request
        CciMessage answer = CciMessage.decode(requester.request(eid, type,
                CciMessage.request(0, request.opcode(), request.payload()).encode()));
        if (answer.isRequest() || answer.opcode() != request.opcode()) {
            throw new CciFormatException(String.format("MCTP endpoint %d answered %s %04xh to command %04xh", eid,
                    answer.isRequest() ? "a request" : "opcode", answer.opcode(), request.opcode()));
        }
        if (answer.payloadLength() > request.maxResponseSize()) {
            throw new CciFormatException("MCTP endpoint " + eid + " answered " + answer.payloadLength()
                    + " payload bytes, more than the " + request.maxResponseSize() + " requested");
        }
        Map<String, Long> fields = answer.vendorStatus() == 0 ? Map.of()
                : Map.of("vendor-status", (long) answer.vendorStatus());
        return new DeviceResponse(answer.returnCode(), answer.payload(), fields);
    }
}
