package io.fwgate.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceKind;

class ConfigReaderTest {
    @TempDir
    Path config;

    @Test
    void everythingIsOffWithoutTheFile() throws Exception {
        assertThat(ConfigReader.read(config)).isEqualTo(TelemetryConfig.OFF);
    }

    @Test
    void sectionsThatAreNotEnabledStayOff() throws Exception {
        write("{ \"prometheus\": { \"port\": 9100 }, \"poll\": {}, \"syslog\": { \"enabled\": false } }");

        assertThat(ConfigReader.read(config)).isEqualTo(TelemetryConfig.OFF);
    }

    @Test
    void theEndpointListensOnLoopbackPort9464UnlessTold() throws Exception {
        write("{ \"prometheus\": { \"enabled\": true } }");

        TelemetryConfig.Prometheus prometheus = ConfigReader.read(config).prometheus().orElseThrow();
        assertThat(prometheus.address().isLoopbackAddress()).isTrue();
        assertThat(prometheus.port()).isEqualTo(9464);
    }

    @Test
    void readsTheDocumentedExampleWithItsComments() throws Exception {
        write("""
                # fleet telemetry
                {
                  "prometheus": { "enabled": true, "address": "0.0.0.0", "port": 9100 },  // all interfaces
                  "poll": {
                    "enabled": true,
                    "interval-seconds": 30,
                    "commands": { "cxl-memory-device": ["get-health-info"], "nvme-controller": ["smart-log"] },
                    "devices": { "cxl:mem0": { "interval-seconds": 5 }, "nvme:nvme1": { "commands": [] } }
                  },
                  "syslog": { "enabled": true, "protocol": "tcp", "host": "logs.example.net", "port": 6514,
                              "facility": "local3", "app-name": "fwgate-fleet", "sd-id": "fwgate@99999" }
                }
                """);

        TelemetryConfig read = ConfigReader.read(config);

        assertThat(read.prometheus().orElseThrow().address().isAnyLocalAddress()).isTrue();
        TelemetryConfig.Poll poll = read.poll().orElseThrow();
        assertThat(poll.scheduleFor(DeviceId.parse("cxl:mem0"), DeviceKind.CXL_MEMORY_DEVICE))
                .isEqualTo(new TelemetryConfig.DeviceSchedule(Duration.ofSeconds(5), List.of("get-health-info")));
        assertThat(poll.scheduleFor(DeviceId.parse("cxl:mem1"), DeviceKind.CXL_MEMORY_DEVICE))
                .isEqualTo(new TelemetryConfig.DeviceSchedule(Duration.ofSeconds(30), List.of("get-health-info")));
        assertThat(poll.scheduleFor(DeviceId.parse("nvme:nvme1"), DeviceKind.NVME_CONTROLLER).commands()).isEmpty();
        assertThat(poll.scheduleFor(DeviceId.parse("mctp:1,8"), DeviceKind.MCTP_ENDPOINT).commands()).isEmpty();
        assertThat(read.syslog()).contains(new TelemetryConfig.Syslog(TelemetryConfig.Protocol.TCP, "logs.example.net",
                6514, 19, "fwgate-fleet", "fwgate@99999"));
    }

    @Test
    void syslogDefaultsToUdpOnLoopbackAsAuthpriv() throws Exception {
        write("{ \"syslog\": { \"enabled\": true } }");

        assertThat(ConfigReader.read(config).syslog()).isEqualTo(Optional.of(new TelemetryConfig.Syslog(
                TelemetryConfig.Protocol.UDP, "127.0.0.1", 514, 10, "fwgate", "fwgate@32473")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "an unknown section | { 'prometeus': {} } | /prometeus: unknown member",
        "an unknown member | { 'prometheus': { 'enabled': true, 'bind': 'x' } } | /prometheus/bind: unknown member",
        "a port out of range | { 'prometheus': { 'enabled': true, 'port': 70000 } } | /prometheus/port must be an integer from 0 to 65535",
        "enabled as text | { 'poll': { 'enabled': 'yes' } } | /poll/enabled must be true or false",
        "an unknown device kind | { 'poll': { 'enabled': true, 'commands': { 'gpu': ['x'] } } } | /poll/commands/gpu: unknown device kind 'gpu'",
        "commands that are not a list | { 'poll': { 'enabled': true, 'commands': { 'nvme-controller': 'smart-log' } } } | /poll/commands/nvme-controller must be an array of command names",
        "a bad device id | { 'poll': { 'enabled': true, 'devices': { 'mem0': {} } } } | /poll/devices/mem0:",
        "a zero interval | { 'poll': { 'enabled': true, 'interval-seconds': 0 } } | /poll/interval-seconds must be an integer from 1 to 86400",
        "an unknown protocol | { 'syslog': { 'enabled': true, 'protocol': 'relp' } } | /syslog/protocol: 'relp' (expected udp or tcp)",
        "an unknown facility | { 'syslog': { 'enabled': true, 'facility': 'security' } } | /syslog/facility: unknown facility 'security'",
        "an SD-ID without an enterprise number | { 'syslog': { 'enabled': true, 'sd-id': 'fwgate' } } | /syslog/sd-id: 'fwgate' must be name@enterprise-number",
        "a duplicate key | { 'poll': {}, 'poll': {} } | Duplicate field 'poll'",
        "not an object | [1] | the file must be a JSON object" })
    void namesTheFileAndTheMemberOfAnError(String what, String json, String message) throws Exception {
        write(json.replace('\'', '"'));

        assertThatThrownBy(() -> ConfigReader.read(config)).isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith(config.resolve("telemetry.json").toString()).hasMessageContaining(message);
    }

    private void write(String json) throws Exception {
        Files.writeString(config.resolve("telemetry.json"), json);
    }
}
