package io.fwgate.telemetry.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceKind;

/**
 * Reads {@code <config>/telemetry.json}: JSON with {@code #} and {@code //} comments, strict (unknown
 * members, wrong types and duplicate keys are errors naming the member), everything off when the file does
 * not exist. The format is documented in {@code docs/distributions.md}.
 */
final class ConfigReader {
    static final String FILE = "telemetry.json";
    static final int DEFAULT_PORT = 9464;
    static final long DEFAULT_INTERVAL_SECONDS = 60;
    /** RFC 5424 facility names, by number. */
    static final List<String> FACILITIES = List.of("kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news",
            "uucp", "cron", "authpriv", "ftp", "ntp", "audit", "alert", "clock", "local0", "local1", "local2", "local3",
            "local4", "local5", "local6", "local7");
    /** 32473 is the enterprise number RFC 5612 reserves for documentation; fleets with their own use theirs. */
    static final String DEFAULT_SD_ID = "fwgate@32473";
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_YAML_COMMENTS, JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private ConfigReader() {
    }

    /**
     * @param configDir the configuration directory
     * @return the configuration; {@link TelemetryConfig#OFF} when the file does not exist
     * @throws InvalidConfigException naming the file and member when it is unreadable or invalid
     */
    static TelemetryConfig read(Path configDir) throws InvalidConfigException {
        Path file = configDir.resolve(FILE);
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return TelemetryConfig.OFF;
        } catch (IOException e) {
            throw new InvalidConfigException(file + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
        try {
            return parse(root);
        } catch (InvalidConfigException e) {
            throw new InvalidConfigException(file + ": " + e.getMessage());
        }
    }

    static TelemetryConfig parse(JsonNode root) throws InvalidConfigException {
        Node top = new Node(root, "");
        top.allow(Set.of("prometheus", "poll", "syslog"));
        Optional<Node> prometheus = top.section("prometheus");
        Optional<Node> poll = top.section("poll");
        Optional<Node> syslog = top.section("syslog");
        return new TelemetryConfig(prometheus.isPresent() ? prometheus(prometheus.get()) : Optional.empty(),
                poll.isPresent() ? poll(poll.get()) : Optional.empty(),
                syslog.isPresent() ? syslog(syslog.get()) : Optional.empty());
    }

    private static Optional<TelemetryConfig.Prometheus> prometheus(Node n) throws InvalidConfigException {
        n.allow(Set.of("enabled", "address", "port"));
        if (!n.bool("enabled")) {
            return Optional.empty();
        }
        String address = n.text("address").orElse("127.0.0.1");
        try {
            return Optional.of(new TelemetryConfig.Prometheus(InetAddress.getByName(address),
                    n.integer("port", 0, 65535).orElse(DEFAULT_PORT)));
        } catch (UnknownHostException e) {
            throw new InvalidConfigException(n.at("address") + ": '" + address + "' is not an address");
        }
    }

    private static Optional<TelemetryConfig.Poll> poll(Node n) throws InvalidConfigException {
        n.allow(Set.of("enabled", "interval-seconds", "commands", "devices"));
        if (!n.bool("enabled")) {
            return Optional.empty();
        }
        Duration interval = Duration.ofSeconds(n.integer("interval-seconds", 1, 86_400).orElse((int) DEFAULT_INTERVAL_SECONDS));
        Map<DeviceKind, List<String>> commands = new LinkedHashMap<>();
        for (Map.Entry<String, Node> kind : n.entries("commands").entrySet()) {
            try {
                commands.put(DeviceKind.parse(kind.getKey()), kind.getValue().names());
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigException(kind.getValue().path() + ": " + e.getMessage());
            }
        }
        Map<DeviceId, TelemetryConfig.DeviceOverride> devices = new LinkedHashMap<>();
        for (Map.Entry<String, Node> device : n.entries("devices").entrySet()) {
            Node d = device.getValue();
            d.allow(Set.of("interval-seconds", "commands"));
            try {
                devices.put(DeviceId.parse(device.getKey()), new TelemetryConfig.DeviceOverride(
                        d.integer("interval-seconds", 1, 86_400).map(Duration::ofSeconds),
                        d.has("commands") ? Optional.of(d.child("commands").names()) : Optional.empty()));
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigException(d.path() + ": " + e.getMessage());
            }
        }
        return Optional.of(new TelemetryConfig.Poll(interval, commands, devices));
    }

    private static Optional<TelemetryConfig.Syslog> syslog(Node n) throws InvalidConfigException {
        n.allow(Set.of("enabled", "protocol", "host", "port", "facility", "app-name", "sd-id"));
        if (!n.bool("enabled")) {
            return Optional.empty();
        }
        String protocol = n.text("protocol").orElse("udp");
        if (!protocol.equals("udp") && !protocol.equals("tcp")) {
            throw new InvalidConfigException(n.at("protocol") + ": '" + protocol + "' (expected udp or tcp)");
        }
        String facility = n.text("facility").orElse("authpriv");
        if (!FACILITIES.contains(facility)) {
            throw new InvalidConfigException(n.at("facility") + ": unknown facility '" + facility + "' (expected one of "
                    + String.join(", ", FACILITIES) + ")");
        }
        String appName = n.text("app-name").orElse("fwgate");
        String sdId = n.text("sd-id").orElse(DEFAULT_SD_ID);
        if (!Rfc5424.isPrintableName(appName, 48)) {
            throw new InvalidConfigException(n.at("app-name") + ": '" + appName + "' must be 1 to 48 printable ASCII"
                    + " characters without spaces");
        }
        if (!Rfc5424.isPrintableName(sdId, 32) || !sdId.contains("@") || sdId.contains("=") || sdId.contains("]")
                || sdId.contains("\"")) {
            throw new InvalidConfigException(n.at("sd-id") + ": '" + sdId + "' must be name@enterprise-number, at most"
                    + " 32 printable characters without '=', ']', '\"' or spaces");
        }
        return Optional.of(new TelemetryConfig.Syslog(TelemetryConfig.Protocol.valueOf(protocol.toUpperCase(Locale.ROOT)),
                n.text("host").orElse("127.0.0.1"), n.integer("port", 1, 65535).orElse(514),
                FACILITIES.indexOf(facility), appName, sdId));
    }

    /** One JSON object of the file with its location, read strictly. */
    private record Node(JsonNode json, String path) {
        String at(String member) {
            return path + "/" + member;
        }

        boolean has(String member) {
            return json.has(member) && !json.get(member).isNull();
        }

        void allow(Set<String> members) throws InvalidConfigException {
            if (!json.isObject()) {
                throw new InvalidConfigException((path.isEmpty() ? "the file" : path) + " must be a JSON object");
            }
            for (Iterator<String> names = json.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!members.contains(name)) {
                    throw new InvalidConfigException(at(name) + ": unknown member (expected one of "
                            + String.join(", ", members.stream().sorted().toList()) + ")");
                }
            }
        }

        Optional<Node> section(String member) {
            return has(member) ? Optional.of(child(member)) : Optional.empty();
        }

        Node child(String member) {
            return new Node(json.get(member), at(member));
        }

        boolean bool(String member) throws InvalidConfigException {
            if (!has(member)) {
                return false;
            }
            if (!json.get(member).isBoolean()) {
                throw new InvalidConfigException(at(member) + " must be true or false");
            }
            return json.get(member).booleanValue();
        }

        Optional<String> text(String member) throws InvalidConfigException {
            if (!has(member)) {
                return Optional.empty();
            }
            if (!json.get(member).isTextual() || json.get(member).textValue().isBlank()) {
                throw new InvalidConfigException(at(member) + " must be a non-empty string");
            }
            return Optional.of(json.get(member).textValue());
        }

        Optional<Integer> integer(String member, int min, int max) throws InvalidConfigException {
            if (!has(member)) {
                return Optional.empty();
            }
            JsonNode value = json.get(member);
            if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min
                    || value.intValue() > max) {
                throw new InvalidConfigException(at(member) + " must be an integer from " + min + " to " + max);
            }
            return Optional.of(value.intValue());
        }

        Map<String, Node> entries(String member) throws InvalidConfigException {
            Map<String, Node> entries = new LinkedHashMap<>();
            if (!has(member)) {
                return entries;
            }
            Node object = child(member);
            if (!object.json.isObject()) {
                throw new InvalidConfigException(object.path + " must be a JSON object");
            }
            object.json.fields().forEachRemaining(e -> entries.put(e.getKey(),
                    new Node(e.getValue(), object.path + "/" + e.getKey())));
            return entries;
        }

        /** @return an array of command names */
        List<String> names() throws InvalidConfigException {
            if (!json.isArray()) {
                throw new InvalidConfigException(path + " must be an array of command names");
            }
            List<String> names = new ArrayList<>();
            for (JsonNode name : json) {
                if (!name.isTextual() || name.textValue().isBlank()) {
                    throw new InvalidConfigException(path + " must be an array of command names");
                }
                names.add(name.textValue());
            }
            return names;
        }
    }
}
