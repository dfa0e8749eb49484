package io.fwgate.mctp.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * MCTP control messages (DSP0236) to learn what an endpoint is and speaks: Get Endpoint ID (02h) and Get
 * Message Type Support (05h). A request is {@code { u8 rq:1, d:1, rsvd:1, instance_id:5; u8 command; }};
 * a response repeats both bytes with Rq clear and adds the completion code.
 */
final class ControlMessages {
    static final int GET_ENDPOINT_ID = 0x02;
    static final int GET_MESSAGE_TYPE_SUPPORT = 0x05;
    static final int REQUEST_BIT = 0x80;
    static final int SUCCESS = 0x00;

    /**
     * What Get Endpoint ID answered.
     *
     * @param eid the endpoint's id
     * @param endpointType bits 5:4 of byte 2: 0 simple endpoint, 1 bus owner or bridge
     * @param idType bits 1:0 of byte 2: 0 dynamic, 1 static, 2 static and current, 3 static but different
     */
    record EndpointId(int eid, int endpointType, int idType) {
    }

    private final MctpRequester requester;
    private int instance;

    ControlMessages(MctpRequester requester) {
        this.requester = requester;
    }

    /**
     * @param eid the endpoint to ask
     * @return its answer
     * @throws IOException if it did not answer, failed, or answered too short
     */
    EndpointId endpointId(int eid) throws IOException {
        byte[] data = call(eid, GET_ENDPOINT_ID, 3);
        int type = Byte.toUnsignedInt(data[1]);
        return new EndpointId(Byte.toUnsignedInt(data[0]), (type >> 4) & 3, type & 3);
    }

    /**
     * @param eid the endpoint to ask
     * @return the message types it supports besides control
     * @throws IOException if it did not answer, failed, or answered a list shorter than its count
     */
    List<Integer> messageTypes(int eid) throws IOException {
        byte[] data = call(eid, GET_MESSAGE_TYPE_SUPPORT, 1);
        int count = Byte.toUnsignedInt(data[0]);
        if (data.length < 1 + count) {
            throw new IOException("MCTP endpoint " + eid + ": Get Message Type Support lists " + count
                    + " types but carries " + (data.length - 1));
        }
        List<Integer> types = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            types.add(Byte.toUnsignedInt(data[1 + i]));
        }
        return types;
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

    /**
     * Sends one control command and returns its completion code and data, whatever the code.
     *
     * @param eid the endpoint to ask
     * @param command the control command code
     * @param data the request data after the command code
     * @return the answer
     * @throws IOException if it did not answer, or answered another instance or command
     */
    synchronized Answer command(int eid, int command, byte[] data) throws IOException {
        int id = instance;
        instance = (instance + 1) & 0x1f;
        byte[] request = new byte[2 + data.length];
        request[0] = (byte) (REQUEST_BIT | id);
        request[1] = (byte) command;
        System.arraycopy(data, 0, request, 2, data.length);
        byte[] answer = requester.request(eid, MessageType.CONTROL, request);
        if (answer.length < 3 || (answer[0] & REQUEST_BIT) != 0 || (answer[0] & 0x1f) != id
                || Byte.toUnsignedInt(answer[1]) != command) {
            throw new IOException(String.format("MCTP endpoint %d: malformed answer to control command %02xh", eid,
                    command));
        }
        return new Answer(Byte.toUnsignedInt(answer[2]), Arrays.copyOfRange(answer, 3, answer.length));
    }

    /** @return the data after the completion code of a successful answer, at least {@code minimum} bytes */
    private byte[] call(int eid, int command, int minimum) throws IOException {
        Answer answer = command(eid, command, new byte[0]);
        if (answer.completionCode() != SUCCESS) {
            throw new IOException(String.format("MCTP endpoint %d: control command %02xh failed with completion code"
                    + " %02xh", eid, command, answer.completionCode()));
        }
        byte[] data = answer.data();
        if (data.length < minimum) {
            throw new IOException(String.format("MCTP endpoint %d: answer to control command %02xh is %d bytes, "
                    + "shorter than %d", eid, command, 3 + data.length, 3 + minimum));
        }
        return data;
    }
}
