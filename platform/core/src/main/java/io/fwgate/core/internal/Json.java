package io.fwgate.core.internal;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Shared Jackson instances: thread-safe once configured. */
final class Json {
    /** Strict mapper for machine-written data (audit records). */
    static final ObjectMapper MAPPER = JsonMapper.builder().build();
    /** For hand-written configuration: {@code #} and {@code //} comments allowed. */
    static final ObjectReader LENIENT_READER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_YAML_COMMENTS)
            .build().reader();

    private Json() {
    }
}
