package io.fwgate.daemon.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fwgate.daemon.protocol.Protocol;
import io.fwgate.daemon.protocol.Protocol.ErrorKind;
import io.fwgate.platform.CallException;
import io.fwgate.platform.RefusedException;

/** Response lines: {@code {"fwgate":1,"id":...,"result":...}} or {@code ...,"error":{...}}, LF-terminated. */
final class Responses {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Responses() {
    }

    /**
     * @param id the request's id
     * @param result the result value (maps, lists, strings, numbers, booleans)
     * @return the response line
     */
    static byte[] result(Object id, Object result) {
        Map<String, Object> response = head(id);
        response.put(Protocol.RESULT, result);
        return line(response);
    }

    /**
     * @param id the request's id, or null if it could not be read
     * @param kind the error kind
     * @param message what is wrong
     * @return the response line
     */
    static byte[] error(Object id, ErrorKind kind, String message) {
        return error(id, errorObject(kind, message));
    }

    /**
     * @param id the request's id
     * @param failure the gateway's failure; a refusal carries the needed and granted level and reach
     * @return the response line
     */
    static byte[] error(Object id, CallException failure) {
        Map<String, Object> error = errorObject(ErrorKind.of(failure.kind()), failure.getMessage());
        if (failure instanceof RefusedException refused) {
            error.put("needed-level", refused.neededLevel().id());
            error.put("needed-reach", refused.neededReach().id());
            error.put("granted-level", refused.grantedLevel().id());
            error.put("granted-reach", refused.grantedReach().id());
        }
        return error(id, error);
    }

    private static byte[] error(Object id, Map<String, Object> error) {
        Map<String, Object> response = head(id);
        response.put(Protocol.ERROR, error);
        return line(response);
    }

    private static Map<String, Object> errorObject(ErrorKind kind, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put(Protocol.KIND, kind.id());
        error.put(Protocol.MESSAGE, message);
        return error;
    }

    private static Map<String, Object> head(Object id) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put(Protocol.VERSION_MEMBER, Protocol.VERSION);
        response.put(Protocol.ID, id);
        return response;
    }

    private static byte[] line(Map<String, Object> response) {
        try {
            return (MAPPER.writeValueAsString(response) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            // only maps, lists, strings, numbers and booleans reach here: failing is a programming error
            throw new IllegalStateException("cannot write a response: " + e.getOriginalMessage(), e);
        }
    }
}
