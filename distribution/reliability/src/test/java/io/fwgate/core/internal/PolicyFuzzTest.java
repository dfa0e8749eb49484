package io.fwgate.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.fwgate.api.Level;
import io.fwgate.platform.Caller;
import io.fwgate.reliability.FuzzStats;

/**
 * {@code policy.json} as an operator (or a corrupted disk) may write it: a policy or
 * {@link InvalidConfigException} naming the problem, never another exception; and a policy it accepts
 * answers every caller with a grant.
 */
class PolicyFuzzTest {
    private static final FuzzStats STATS = new FuzzStats("policy");
    private static final PolicyLoader LOADER = new PolicyLoader(new UnixNames(Map.of("root", 0L, "alice", 1000L),
            Map.of("fwgate", 990L, "wheel", 10L)));
    private static final Caller NOBODY = new Caller(65534, 65534, new long[] { 65534 });
    private static final Caller MEMBER = new Caller(1001, 1001, new long[] { 990, 10 });

    @FuzzTest(maxDuration = "10s")
    void parse(byte[] bytes) {
        STATS.tried();
        String text = new String(bytes, StandardCharsets.UTF_8);
        try {
            Policy policy = LOADER.parse("policy.json", text, Policy.Role.HOST);
            assertThat(policy.grantFor(NOBODY).level()).isIn((Object[]) Level.values());
            assertThat(policy.grantFor(MEMBER)).isNotNull();
        } catch (InvalidConfigException e) {
            assertThat(e.getMessage()).startsWith("policy.json");
        }
    }

    @AfterAll
    static void report() {
        STATS.write();
    }
}
