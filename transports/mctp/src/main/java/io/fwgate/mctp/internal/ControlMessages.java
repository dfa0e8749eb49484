package io.fwgate.mctp.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.fwgate.api.spi.DeviceRequest;
import io.fwgate.api.spi.DeviceResponse;
import io.fwgate.mctp.MctpExchange;

/**
 * MCTP control messages (DSP0236), among them the two that learn what an endpoint is and speaks: Get
 * Endpoint ID (02h) and Get Message Type Support (05h). After the type byte (00h), a request is
 * {@code { u8 rq:1, d:1, rsvd:1, instance_id:5; u8 command; data }}; a response repeats both bytes with Rq
 * clear, then the completion code and its data. The instance id rotates 0 to 31; an answer must repeat it
 * and the command. Thread-safe: one command at a time.
 */
public final class ControlMessages {
    static final int GET_ENDPOINT_ID = 0x02;
    static final int GET_MESSAGE_TYPE_SUPPORT = 0x05;
    static final int REQUEST_BIT = 0x80;
    static final int SUCCESS = 0x00;
    /** Type byte, Rq/instance, command, completion code. */
    private static final int HEADER = 4;

    /**
     * What Get Endpoint ID answered.
     *
     * @param eid the endpoint's id
     * @param endpointType bits 5:4 of byte 2: 0 simple endpoint, 1 bus owner or bridge
     * @param idType bits 1:0 of byte 2: 0 dynamic, 1 static, 2 static and current, 3 static but different
     */
    record EndpointId(int eid, int endpointType, int idType) {
    }

    /**
     * What a control command answered.
     *
     * @param completionCode the completion code, 0 for success
     * @param data the response data after the completion code
     */
    record Answer(int completionCode, byte[] data) {
        Answer {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }
    }

    private final MctpExchange exchange;
    private final String endpoint;
    private int instance;

    /**
     * @param exchange the binding's way to the endpoint
     * @param endpoint names the endpoint in errors
     */
    public ControlMessages(MctpExchange exchange, String endpoint) {
        this.exchange = exchange;
        this.endpoint = endpoint;
    }

    /**
     * @return the endpoint's answer to Get Endpoint ID
     * @throws IOException if it did not answer, failed, or answered too short
     */
    EndpointId endpointId() throws IOException {
        byte[] data = call(GET_ENDPOINT_ID, 3, 3);
        int type = Byte.toUnsignedInt(data[1]);
        return new EndpointId(Byte.toUnsignedInt(data[0]), (type >> 4) & 3, type & 3);
    }

    /**
     * @return the message types the endpoint supports besides control
     * @throws IOException if it did not answer, failed, or answered a list shorter than its count
     */
    List<Integer> messageTypes() throws IOException {
        byte[] data = call(GET_MESSAGE_TYPE_SUPPORT, 1, 256);
        int count = Byte.toUnsignedInt(data[0]);
        if (data.length < 1 + count) {
            throw new IOException(endpoint + ": Get Message Type Support lists " + count + " types but carries "
                    + (data.length - 1));
        }
        List<Integer> types = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            types.add(Byte.toUnsignedInt(data[1 + i]));
        }
        return types;
    }

    /**
     * Runs a control command a table describes.
     *
     * @param command the command code
     * @param request its data and the most response data accepted
     * @return status = completion code, payload = the data after it
     * @throws IOException if the endpoint did not answer, or answered more data than accepted
     */
    public DeviceResponse send(int command, DeviceRequest request) throws IOException {
        Answer answer = command(command, request.payload(), request.maxResponseSize());
        if (answer.data().length > request.maxResponseSize()) {
            throw new IOException(endpoint + " answered " + answer.data().length + " bytes of control data, more than"
                    + " the " + request.maxResponseSize() + " requested");
        }
        return new DeviceResponse(answer.completionCode(), answer.data());
    }

    /**
     * Sends one control command and returns its completion code and data, whatever the code.
     *
     * @param command the control command code
     * @param data the request data after the command code
     * @param maxData the most response data after the completion code accepted
     * @return the answer
     * @throws IOException if no answer came, or the answer has no completion code
     */
    synchronized Answer command(int command, byte[] data, int maxData) throws IOException {
        int id = instance;
        instance = (instance + 1) & 0x1f;
        byte[] request = new byte[3 + data.length];
        request[0] = (byte) MessageType.CONTROL.code();
        request[1] = (byte) (REQUEST_BIT | id);
        request[2] = (byte) command;
        System.arraycopy(data, 0, request, 3, data.length);
        byte[] answer = exchange.exchange(request, HEADER + maxData, message -> answers(message, id, command));
        if (answer.length < HEADER) {
            throw new IOException(String.format("%s: the answer to control command %02xh has no completion code",
                    endpoint, command));
        }
        return new Answer(Byte.toUnsignedInt(answer[3]), Arrays.copyOfRange(answer, HEADER, answer.length));
    }

    /** @return true if {@code message} is a control response with this instance id and command */
    static boolean answers(byte[] message, int id, int command) {
        return message.length >= 3 && MessageType.CONTROL.carries(message) && (message[1] & REQUEST_BIT) == 0
                && (message[1] & 0x1f) == id && Byte.toUnsignedInt(message[2]) == command;
    }

    /** @return the data after the completion code of a successful answer, at least {@code minimum} bytes */
    private byte[] call(int command, int minimum, int maximum) throws IOException {
        Answer answer = command(command, new byte[0], maximum);
        if (answer.completionCode() != SUCCESS) {
            throw new IOException(String.format("%s: control command %02xh failed with completion code %02xh",
                    endpoint, command, answer.completionCode()));
        }
        byte[] data = answer.data();
        if (data.length < minimum) {
            throw new IOException(String.format("%s: answer to control command %02xh is %d bytes, shorter than %d",
                    endpoint, command, HEADER + data.length, HEADER + minimum));
        }
        return data;
    }
}
