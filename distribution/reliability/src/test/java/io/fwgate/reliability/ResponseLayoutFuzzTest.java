package io.fwgate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.fwgate.api.DecodeException;

/**
 * Every response layout of the bundled plugins (cxl-mem, nvme, acme) on arbitrary response bytes and
 * transport values, as a faulty or hostile device can return them: values or {@link DecodeException}.
 */
class ResponseLayoutFuzzTest {
    private static final FuzzStats STATS = new FuzzStats("response-layouts");
    private static final List<BundledTables.Command> COMMANDS = BundledTables.commands().stream()
            .filter(c -> c.spec().response().javaDecoder().isEmpty()).toList();

    @FuzzTest(maxDuration = "10s")
    void decode(FuzzedDataProvider data) {
        STATS.tried();
        BundledTables.Command command = COMMANDS.get(data.consumeInt(0, COMMANDS.size() - 1));
        Map<String, Long> transport = data.consumeBoolean() ? Map.of("result", data.consumeLong()) : Map.of();
        byte[] payload = data.consumeRemainingAsBytes();
        try {
            Map<String, Object> values = command.spec().response().decode(payload, transport);
            assertThat(values).as(command.toString()).isNotNull();
        } catch (DecodeException e) {
            assertThat(e.getMessage()).as(command.toString()).isNotBlank();
        }
    }

    @AfterAll
    static void report() {
        STATS.write();
    }
}
