package io.fwgate.plugin.acme.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.fwgate.api.DecodeException;

/** Any bytes decode to records or a DecodeException, never anything else, and never to more than they hold. */
class TelemetryTlvFuzzTest {
    private final TelemetryTlvDecoder decoder = new TelemetryTlvDecoder();

    @Test
    void tenThousandRandomPayloadsDecodeOrThrowDecodeException() {
        Random random = new Random(20261124L);
        int decoded = 0;
        int refused = 0;
        for (int i = 0; i < 10_000; i++) {
            byte[] payload = new byte[random.nextInt(i % 50 == 0 ? 4096 : 300)];
            random.nextBytes(payload);
            if (i % 3 == 0) {
                shapeLikeTelemetry(payload, random);
            }
            try {
                Map<String, Object> values = decoder.decode(ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN));
                // every record takes at least its type and length bytes
                assertThat((List<?>) values.get("records")).hasSizeLessThanOrEqualTo(payload.length / 2);
                decoded++;
            } catch (DecodeException e) {
                assertThat(e.getMessage()).isNotBlank();
                refused++;
            }
        }
        assertThat(decoded).isPositive();
        assertThat(refused).isPositive();
    }

    /** Small known types with their right sizes and a terminator, so that some random payloads decode whole. */
    private static void shapeLikeTelemetry(byte[] payload, Random random) {
        int at = 0;
        while (at + 4 < payload.length && random.nextInt(4) != 0) {
            payload[at] = (byte) (1 + random.nextInt(4));
            payload[at + 1] = (byte) (payload[at] == 1 ? 2 : payload[at] == 2 ? 1 : 0);
            at += 2 + payload[at + 1];
        }
        if (at < payload.length) {
            payload[at] = 0;
        }
    }
}
