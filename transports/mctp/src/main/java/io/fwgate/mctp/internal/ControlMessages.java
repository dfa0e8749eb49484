package io.fwgate.mctp.internal;

import java.io.IOException;
import java.util.ArrayList;
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
        byte[] answer = call(eid, GET_ENDPOINT_ID, 3);
        int type = Byte.toUnsignedInt(answer[4]);
        return new EndpointId(Byte.toUnsignedInt(answer[3]), (type >> 4) & 3, type & 3);
    }

    /**
     * @param eid the endpoint to ask
     * @return the message types it supports besides control
     * @throws IOException if it did not answer, failed, or answered a list shorter than its count
     */
    List<Integer> messageTypes(int eid) throws IOException {
        byte[] answer = call(eid, GET_MESSAGE_TYPE_SUPPORT, 1);
        int count = Byte.toUnsignedInt(answer[3]);
        if (answer.length < 4 + count) {
            throw new IOException("MCTP endpoint " + eid + ": Get Message Type Support lists " + count
                    + " types but carries " + (answer.length - 4));
        }
        List<Integer> types = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            types.add(Byte.toUnsignedInt(answer[4 + i]));
        }
        return types;
    }

    /** @return the response after the type byte: instance, command, completion code, then {@code data} bytes or more */
    private byte[] call(int eid, int command, int data) throws IOException {
        int id = instance;
        instance = (instance + 1) & 0x1f;
        byte[] answer = requester.request(eid, MessageType.CONTROL, new byte[] {(byte) (REQUEST_BIT | id),
                (byte) command});
        if (answer.length < 3 || (answer[0] & REQUEST_BIT) != 0 || (answer[0] & 0x1f) != id
                || Byte.toUnsignedInt(answer[1]) != command) {
            throw new IOException(String.format("MCTP endpoint %d: malformed answer to control command %02xh", eid,
                    command));
        }
        if (answer[2] != SUCCESS) {
            throw new IOException(String.format("MCTP endpoint %d: control command %02xh failed with completion code"
                    + " %02xh", eid, command, answer[2]));
        }
        if (answer.length < 3 + data) {
            throw new IOException(String.format("MCTP endpoint %d: answer to control command %02xh is %d bytes, "
                    + "shorter than %d", eid, command, answer.length, 3 + data));
        }
        return answer;
    }
}
