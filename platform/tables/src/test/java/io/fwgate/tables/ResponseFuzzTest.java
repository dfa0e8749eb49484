package io.fwgate.tables;

import static io.fwgate.tables.Fixtures.response;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.fwgate.api.DecodeException;

/**
 * Random payloads and transport values against a layout with every kind of field: values or DecodeException,
 * nothing else.
 */
class ResponseFuzzTest {
    private static final ResponseLayout LAYOUT = response("{'max-size': 4096, 'fields': ["
            + "{'name': 'flags', 'offset': 0, 'type': 'u8', 'flags': {'0': 'overflow'}},"
            + "{'name': 'n', 'offset': 1, 'type': 'u16'},"
            + "{'name': 'dw0', 'source': 'result', 'type': 'u32', 'shift': 4, 'width': 8, 'enum': {'1': 'one'}},"
            + "{'name': 'big', 'offset': 3, 'type': 'u64', 'scale': 268435456, 'bias': -5},"
            + "{'name': 'temp', 'offset': 11, 'type': 's16', 'special': {'0xffff': 'none'}},"
            + "{'name': 'name', 'offset': 13, 'type': 'string', 'size': 5},"
            + "{'name': 'records', 'offset': 18, 'type': 'array', 'count': 'n', 'stride': 20, 'fields': ["
            + "  {'name': 'id', 'offset': 0, 'type': 'uuid'}, {'name': 'size', 'offset': 16, 'type': 'u32'}"
            + "]},"
            + "{'name': 'rest', 'offset': 18, 'type': 'array', 'count': 'remaining', 'stride': 5, 'index': 'i', 'fields': ["
            + "  {'name': 'kind', 'offset': 0, 'type': 'u8', 'enum': {'1': 'one'}},"
            + "  {'name': 'm', 'offset': 1, 'type': 'u8', 'shift': 0, 'width': 2},"
            + "  {'name': 'inner', 'offset': 2, 'type': 'array', 'count': 'm', 'stride': 1, 'fields': ["
            + "    {'name': 'bit', 'offset': 0, 'type': 'u8', 'shift': 7, 'bool': true}]}"
            + "]},"
            + "{'name': 'tail', 'offset': 18, 'type': 'bytes'}"
            + "]}");

    @Test
    void randomPayloadsDecodeOrThrowDecodeException() {
        Random random = new Random(20261124L);
        int decoded = 0;
        int refused = 0;
        for (int i = 0; i < 5000; i++) {
            byte[] payload = new byte[random.nextInt(i % 10 == 0 ? 4096 : 80)];
            random.nextBytes(payload);
            if (payload.length > 2 && random.nextBoolean()) {
                payload[1] = (byte) random.nextInt(4); // small counts, so some payloads decode whole
                payload[2] = 0;
            }
            try {
                // a response without the transport value must be refused too, never fail otherwise
                Map<String, Long> transport = i % 7 == 0 ? Map.of() : Map.of("result", random.nextLong());
                Map<String, Object> values = LAYOUT.decode(payload, transport);
                assertThat(values).containsKeys("flags", "n", "dw0", "rest", "tail");
                decoded++;
            } catch (DecodeException e) {
                assertThat(e.getMessage()).isNotBlank();
                refused++;
            }
        }
        assertThat(decoded).isPositive();
        assertThat(refused).isPositive();
    }
}
