package io.fwgate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.fwgate.api.DecodeException;
import io.fwgate.api.ResponseDecoder;
import io.fwgate.plugin.acme.internal.TelemetryTlvDecoder;

/**
 * Every Java {@link ResponseDecoder} of the bundled plugins on arbitrary response bytes, handed over as
 * the platform hands them (a read-only little-endian buffer): values or {@link DecodeException}, and the
 * caller's buffer left as it was.
 */
class JavaDecoderFuzzTest {
    private static final FuzzStats STATS = new FuzzStats("java-decoders");
    /** By the name tables give in {@code response.decoder}. */
    private static final Map<String, ResponseDecoder> DECODERS = Map.of("acme-tlv", new TelemetryTlvDecoder());
    private static final List<String> NAMES = List.copyOf(DECODERS.keySet());

    @Test
    void everyJavaDecoderABundledTableNamesIsATarget() {
        List<String> named = BundledTables.commands().stream()
                .flatMap(c -> c.spec().response().javaDecoder().stream()).distinct().toList();
        assertThat(named).isNotEmpty();
        assertThat(DECODERS.keySet()).containsAll(named);
    }

    @FuzzTest(maxDuration = "10s")
    void decode(FuzzedDataProvider data) {
        STATS.tried();
        String name = NAMES.get(data.consumeInt(0, NAMES.size() - 1));
        byte[] bytes = data.consumeRemainingAsBytes();
        ByteBuffer payload = ByteBuffer.wrap(bytes).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        try {
            assertThat(DECODERS.get(name).decode(payload)).isNotNull();
        } catch (DecodeException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
        assertThat(payload.position()).isZero();
        assertThat(payload.limit()).isEqualTo(bytes.length);
    }

    @AfterAll
    static void report() {
        STATS.write();
    }
}
