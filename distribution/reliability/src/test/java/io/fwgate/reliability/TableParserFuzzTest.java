package io.fwgate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.fwgate.api.DecodeException;
import io.fwgate.tables.CommandSpec;
import io.fwgate.tables.InvalidArgumentException;
import io.fwgate.tables.ParseResult;
import io.fwgate.tables.Problem;
import io.fwgate.tables.TableParser;

/**
 * The command table parser on arbitrary resource bytes: a table or located problems, never an exception;
 * a table it accepts can encode and decode without failing in any other way.
 */
class TableParserFuzzTest {
    private static final FuzzStats STATS = new FuzzStats("table-parser");

    @FuzzTest(maxDuration = "10s")
    void parse(byte[] json) throws Exception {
        STATS.tried();
        ParseResult result = TableParser.parse("fuzz", json);
        assertThat(result.table().isPresent()).isEqualTo(result.problems().isEmpty());
        for (Problem problem : result.problems()) {
            assertThat(problem.message()).isNotBlank();
        }
        if (result.table().isPresent()) {
            for (CommandSpec spec : result.table().get().commands()) {
                exercise(spec);
            }
        }
    }

    /** An accepted table must be usable: its layouts answer with a value or their documented exception. */
    private static void exercise(CommandSpec spec) {
        try {
            spec.request().encode(Map.of());
        } catch (InvalidArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
        if (spec.response().javaDecoder().isEmpty()) {
            try {
                spec.response().decode(new byte[Math.min(spec.response().maxSize(), 64)], Map.of("result", 1L));
            } catch (DecodeException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        }
    }

    @AfterAll
    static void report() {
        STATS.write();
    }
}
