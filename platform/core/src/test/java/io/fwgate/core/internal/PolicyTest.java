package io.fwgate.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fwgate.api.Level;
import io.fwgate.api.Reach;
import io.fwgate.platform.Caller;

class PolicyTest {
    private static final UnixNames NAMES = new UnixNames(Map.of("root", 0L, "alice", 1000L),
            Map.of("fwgate", 990L, "ops", 991L));
    private final PolicyLoader loader = new PolicyLoader(NAMES);
    private static final Caller ROOT = new Caller(0, 0, new long[] { 0 });
    private static final Caller MEMBER = new Caller(1000, 1000, new long[] { 1000, 990 });
    private static final Caller NOBODY = new Caller(1001, 1001, new long[] { 1001 });

    @Test
    void defaultsGiveRootFullGroupConfigurationOthersTelemetry(@TempDir Path config) throws Exception {
        Policy policy = loader.load(config);
        assertThat(policy.grantFor(ROOT).level()).isEqualTo(Level.DEBUG_WRITE_FULL);
        assertThat(policy.grantFor(MEMBER).level()).isEqualTo(Level.CONFIGURATION);
        assertThat(policy.grantFor(NOBODY)).isEqualTo(Grant.TELEMETRY);
        assertThat(policy.role()).isEqualTo(Policy.Role.HOST);
    }

    @Test
    void aUserRuleRestrictsEvenRoot() throws Exception {
        Policy policy = loader.parse("p", "{ \"grants\": [ {\"user\": \"root\", \"level\": \"telemetry\"},"
                + " {\"everyone\": true, \"level\": \"configuration\"} ] }", Policy.Role.HOST);
        assertThat(policy.grantFor(ROOT).level()).isEqualTo(Level.TELEMETRY);
        assertThat(policy.grantFor(NOBODY).level()).isEqualTo(Level.CONFIGURATION);
    }

    @Test
    void theWidestGroupRuleWinsAndCommentsAreAllowed() throws Exception {
        Policy policy = loader.parse("p", "# site policy\n{ \"grants\": [\n"
                + " {\"group\": \"fwgate\", \"level\": \"configuration\"}, // operators\n"
                + " {\"gid\": 1000, \"level\": \"debug-write\", \"reach\": \"fabric\"} ] }", Policy.Role.HOST);
        assertThat(policy.grantFor(MEMBER)).isEqualTo(new Grant(Level.DEBUG_WRITE, Reach.FABRIC));
        assertThat(policy.grantFor(NOBODY)).isEqualTo(Grant.TELEMETRY);
    }

    @Test
    void invalidPoliciesAreErrorsNamingTheProblem() {
        assertThatThrownBy(() -> loader.parse("p", "{ \"grant\": [] }", Policy.Role.HOST))
                .hasMessageContaining("/grant: unknown member");
        assertThatThrownBy(() -> loader.parse("p", "{ \"grants\": [ {\"user\": \"mallory\", \"level\": \"telemetry\"} ] }",
                Policy.Role.HOST)).hasMessageContaining("no user 'mallory'");
        assertThatThrownBy(() -> loader.parse("p", "{ \"grants\": [ {\"uid\": 5, \"level\": \"admin\"} ] }",
                Policy.Role.HOST)).hasMessageContaining("unknown level 'admin'");
        assertThatThrownBy(() -> loader.parse("p", "{ \"grants\": [ {\"uid\": 5, \"gid\": 5, \"level\": \"telemetry\"} ] }",
                Policy.Role.HOST)).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> loader.parse("p", "{ not json", Policy.Role.HOST)).hasMessageContaining("not valid JSON");
    }

    @Test
    void roleFileAcceptsCommentsAndRejectsUnknownRoles(@TempDir Path config) throws IOException, InvalidConfigException {
        Files.writeString(config.resolve("role"), "# this host is a BMC\nfabric-manager\n");
        assertThat(loader.load(config).role()).isEqualTo(Policy.Role.FABRIC_MANAGER);
        Files.writeString(config.resolve("role"), "bmc\n");
        assertThatThrownBy(() -> loader.load(config)).hasMessageContaining("unknown role 'bmc'");
    }

    @Test
    void pluginCapsRestrictWhatTheyName() throws Exception {
        Policy policy = loader.parse("p", "{ \"plugin-caps\": { \"default\": {\"level\": \"configuration\"},"
                + " \"bundles\": { \"com.acme.fm\": {\"level\": \"debug-write\", \"reach\": \"fabric\"} } } }",
                Policy.Role.HOST);
        assertThat(policy.caps().capOf("other")).isEqualTo(new Grant(Level.CONFIGURATION, Reach.DEVICE));
        assertThat(policy.caps().capOf("com.acme.fm")).isEqualTo(new Grant(Level.DEBUG_WRITE, Reach.FABRIC));
        assertThat(PluginCaps.DEFAULT.capOf("x")).isEqualTo(new Grant(Level.DEBUG_WRITE_FULL, Reach.FABRIC));
    }
}
