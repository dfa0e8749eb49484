package io.fwgate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.fwgate.tables.EncodedRequest;
import io.fwgate.tables.FieldSpec;
import io.fwgate.tables.InvalidArgumentException;

/**
 * Every request layout of the bundled plugins on arbitrary argument maps, as a caller (or a daemon
 * client) can send them: an encoded request or {@link InvalidArgumentException}, nothing else, and never
 * a payload beyond the CXL mailbox maximum.
 */
class RequestLayoutFuzzTest {
    private static final FuzzStats STATS = new FuzzStats("request-encoder");
    private static final List<BundledTables.Command> COMMANDS = BundledTables.commands();
    private static final int MAILBOX_MAX = 1 << 20;

    @FuzzTest(maxDuration = "10s")
    void encode(FuzzedDataProvider data) {
        STATS.tried();
        BundledTables.Command command = COMMANDS.get(data.consumeInt(0, COMMANDS.size() - 1));
        List<FieldSpec> fields = command.spec().request().fields();
        Map<String, String> args = new LinkedHashMap<>();
        int count = data.consumeInt(0, 6);
        for (int i = 0; i < count; i++) {
            String name = !fields.isEmpty() && data.consumeBoolean()
                    ? fields.get(data.consumeInt(0, fields.size() - 1)).name() : data.consumeString(16);
            args.put(name, data.consumeString(80));
        }
        try {
            EncodedRequest request = command.spec().request().encode(args);
            assertThat(request.payload().length).as(command.toString()).isLessThanOrEqualTo(MAILBOX_MAX);
        } catch (InvalidArgumentException e) {
            assertThat(e.getMessage()).as(command.toString()).isNotBlank();
        }
    }

    @AfterAll
    static void report() {
        STATS.write();
    }
}
