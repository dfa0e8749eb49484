package io.fwgate.plugin.acme;

import static io.fwgate.plugin.acme.AcmeTables.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fwgate.tables.EncodedRequest;
import io.fwgate.tables.InvalidArgumentException;

/** Requests built from arguments, compared with the layouts Acme documents (a u8 and 3 reserved bytes; cdw10). */
class AcmeEncodeTest {
    @Test
    void setDebugSendsTheLevelAndThreeReservedBytes() throws Exception {
        assertThat(encode("acme-set-debug", Map.of("level", "2")).payload()).containsExactly(2, 0, 0, 0);
        assertThat(encode("acme-set-debug", Map.of("level", "0")).payload()).containsExactly(0, 0, 0, 0);
        assertThat(encode("acme-set-debug", Map.of("level", "3")).parameters()).isEmpty();
    }

    @Test
    void setDebugRefusesLevelsAbove3AndNeedsALevel() {
        assertThatThrownBy(() -> encode("acme-set-debug", Map.of("level", "4")))
                .isInstanceOf(InvalidArgumentException.class).hasMessage("argument 'level': 4 is above the maximum 3");
        assertThatThrownBy(() -> encode("acme-set-debug", Map.of())).hasMessage("missing required argument 'level'");
    }

    @Test
    void nvmeSetDebugPutsTheLevelInCdw10Bits1To0() throws Exception {
        EncodedRequest request = encode("acme-nvme-set-debug", Map.of("level", "3"));

        assertThat(request.parameters()).isEqualTo(Map.of("cdw10", 3L));
        assertThat(request.payload()).isEmpty();
        assertThatThrownBy(() -> encode("acme-nvme-set-debug", Map.of("level", "4")))
                .hasMessageContaining("does not fit 2 bits");
    }

    @ParameterizedTest
    @ValueSource(strings = { "acme-telemetry-dump", "acme-clear-log", "acme-get-debug", "acme-nvme-telemetry",
            "acme-nvme-clear-log" })
    void commandsWithoutArgumentsSendNothing(String name) throws Exception {
        EncodedRequest request = encode(name, Map.of());

        assertThat(request.payload()).isEmpty();
        assertThat(request.parameters()).isEmpty();
        assertThatThrownBy(() -> encode(name, Map.of("level", "1"))).hasMessageContaining("takes no arguments");
    }

    private static EncodedRequest encode(String name, Map<String, String> args) throws InvalidArgumentException {
        return command(name).request().encode(args);
    }
}
