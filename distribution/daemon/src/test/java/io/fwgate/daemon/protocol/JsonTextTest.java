package io.fwgate.daemon.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The streaming JSON writer and reader agree with Jackson's object mapper, which the CLI printed with before. */
class JsonTextTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Map<String, Object> sample() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("text", "fwgate \"emu\" \u00e9\n");
        value.put("small", 3);
        value.put("long", 1L << 40);
        value.put("huge", new BigInteger("18446744073709551616"));
        value.put("ratio", 0.5);
        value.put("flag", true);
        value.put("none", null);
        value.put("empty-list", List.of());
        value.put("empty-map", Map.of());
        value.put("nested", List.of(Map.of("id", 7L), List.of("a", "b")));
        return value;
    }

    @Test
    void prettyAndCompactOutputAreTheObjectMappersByteForByte() throws Exception {
        assertThat(JsonText.write(sample(), true))
                .isEqualTo(MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(sample()));
        assertThat(JsonText.write(sample(), false)).isEqualTo(MAPPER.writeValueAsString(sample()));
    }

    @Test
    void aValueThatIsNotPlainIsWrittenAsTheMapperWritesIt() throws Exception {
        Map<String, Object> value = Map.of("raw", new byte[] { 1, 2, 3 });

        assertThat(JsonText.write(value, false)).isEqualTo(MAPPER.writeValueAsString(value)).contains("AQID");
    }

    @Test
    void parsingGivesWhatTheMapperWouldForAMapOfObjects() throws Exception {
        byte[] json = MAPPER.writeValueAsBytes(sample());

        assertThat(JsonText.parse(json)).isEqualTo(MAPPER.readValue(json, Object.class));
        assertThat(((Map<?, ?>) JsonText.parse(json)).get("huge")).isEqualTo(new BigInteger("18446744073709551616"));
    }

    @Test
    void invalidOrTrailingTextIsRefused() {
        assertThatIOException().isThrownBy(() -> JsonText.parse("{\"a\":".getBytes(StandardCharsets.UTF_8)));
        assertThatIOException().isThrownBy(() -> JsonText.parse("{} {}".getBytes(StandardCharsets.UTF_8)));
        assertThatIOException().isThrownBy(() -> JsonText.parse(new byte[0]));
    }
}
