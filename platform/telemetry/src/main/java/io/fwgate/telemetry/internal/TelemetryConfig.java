package io.fwgate.telemetry.internal;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceKind;

/**
 * What {@code <config>/telemetry.json} asks for. Every part is off unless the file turns it on. Immutable.
 *
 * @param prometheus the metrics endpoint, if enabled
 * @param poll the polling schedule, if enabled
 * @param syslog where audit records are forwarded, if enabled
 */
record TelemetryConfig(Optional<Prometheus> prometheus, Optional<Poll> poll, Optional<Syslog> syslog) {
    /** Nothing enabled: the configuration when the file does not exist. */
    static final TelemetryConfig OFF = new TelemetryConfig(Optional.empty(), Optional.empty(), Optional.empty());

    /**
     * @param address where the endpoint listens; loopback unless the file names another address
     * @param port the TCP port (0 picks a free one, for tests)
     */
    record Prometheus(InetAddress address, int port) {
    }

    /**
     * @param interval how often each device is polled, unless it has its own schedule
     * @param commands the telemetry commands polled on every device of a kind
     * @param devices per-device changes to the kind's schedule
     */
    record Poll(Duration interval, Map<DeviceKind, List<String>> commands, Map<DeviceId, DeviceOverride> devices) {
        Poll {
            commands = Map.copyOf(commands);
            devices = Map.copyOf(devices);
        }

        /**
         * @param device a device
         * @param kind its kind
         * @return how often and what to poll on it; no commands when it is not polled
         */
        DeviceSchedule scheduleFor(DeviceId device, DeviceKind kind) {
            DeviceOverride own = devices.getOrDefault(device, DeviceOverride.NONE);
            return new DeviceSchedule(own.interval().orElse(interval),
                    own.commands().orElse(commands.getOrDefault(kind, List.of())));
        }
    }

    /**
     * @param interval the device's own interval, else the poll's
     * @param commands the device's own commands (empty list: not polled), else its kind's
     */
    record DeviceOverride(Optional<Duration> interval, Optional<List<String>> commands) {
        static final DeviceOverride NONE = new DeviceOverride(Optional.empty(), Optional.empty());

        DeviceOverride {
            commands = commands.map(List::copyOf);
        }
    }

    /**
     * @param interval how often the device is polled
     * @param commands what is polled on it, in order; empty: the device is not polled
     */
    record DeviceSchedule(Duration interval, List<String> commands) {
        DeviceSchedule {
            commands = List.copyOf(commands);
        }
    }

    /** How audit records travel to the syslog receiver. */
    enum Protocol {
        /** RFC 5426: one message per datagram. */
        UDP,
        /** RFC 6587 octet counting: each message preceded by its length, on one connection. */
        TCP
    }

    /**
     * @param protocol UDP or TCP
     * @param host the receiver (a local rsyslog or syslog-ng, or a central collector)
     * @param port its port
     * @param facility the RFC 5424 facility number, 0 to 23
     * @param appName the APP-NAME field
     * @param sdId the structured data element's id, {@code name@private-enterprise-number}
     */
    record Syslog(Protocol protocol, String host, int port, int facility, String appName, String sdId) {
    }
}
