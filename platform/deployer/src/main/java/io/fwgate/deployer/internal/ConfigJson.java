package io.fwgate.deployer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Strict reading of the deployer's JSON configuration files: {@code #} comments allowed, duplicate and
 * unknown members refused, so a typo in a trust decision is an error and not a silent default. Every
 * message names the file and the member.
 */
final class ConfigJson {
    /** A configuration file larger than this is refused unread. */
    static final int MAX_BYTES = 1 << 20;
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_YAML_COMMENTS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final String file;

    private ConfigJson(String file) {
        this.file = file;
    }

    /**
     * @param path a configuration file
     * @return its top-level object, or empty if the file does not exist
     * @throws InvalidConfigException if it is unreadable, too large, not JSON or not an object
     */
    static Optional<JsonNode> read(Path path) throws InvalidConfigException {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new InvalidConfigException(path + " cannot be read: " + e.getMessage(), e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidConfigException(path + " is larger than " + MAX_BYTES + " bytes");
        }
        try {
            JsonNode root = MAPPER.readTree(bytes);
            if (root == null || !root.isObject()) {
                throw new InvalidConfigException(path + " must hold one JSON object");
            }
            return Optional.of(root);
        } catch (JsonProcessingException e) {
            throw new InvalidConfigException(path + " is not valid JSON: " + e.getOriginalMessage()
                    + location(e), e);
        } catch (IOException e) {
            throw new InvalidConfigException(path + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }

    /** @return a reader whose messages name {@code file} */
    static ConfigJson in(Path file) {
        return new ConfigJson(file.toString());
    }

    InvalidConfigException error(String where, String problem) {
        return new InvalidConfigException(file + ": " + where + " " + problem);
    }

    /** @throws InvalidConfigException if {@code node} is not an object or has members not in {@code allowed} */
    void only(JsonNode node, String where, Set<String> allowed) throws InvalidConfigException {
        if (!node.isObject()) {
            throw error(where, "must be an object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw error(where, "has an unknown member '" + name + "' (expected " + String.join(", ",
                        allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    String string(JsonNode node, String where, String member) throws InvalidConfigException {
        return optionalString(node, where, member)
                .orElseThrow(() -> error(where, "needs the member '" + member + "'"));
    }

    Optional<String> optionalString(JsonNode node, String where, String member) throws InvalidConfigException {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw error(where, "'" + member + "' must be a non-empty string");
        }
        return Optional.of(value.asText().trim());
    }

    List<String> strings(JsonNode node, String where, String member) throws InvalidConfigException {
        List<String> strings = new ArrayList<>();
        int i = 0;
        for (JsonNode item : array(node, where, member)) {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw error(where + "/" + member + "/" + i, "must be a non-empty string");
            }
            strings.add(item.asText().trim());
            i++;
        }
        return strings;
    }

    List<JsonNode> array(JsonNode node, String where, String member) throws InvalidConfigException {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw error(where, "'" + member + "' must be an array");
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }

    Optional<Instant> instant(JsonNode node, String where, String member) throws InvalidConfigException {
        Optional<String> text = optionalString(node, where, member);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text.get()));
        } catch (DateTimeParseException e) {
            throw error(where, "'" + member + "' must be a UTC time such as 2027-01-31T00:00:00Z, not '"
                    + text.get() + "'");
        }
    }

    /**
     * @return {@code text} as lower-case hex without separators
     * @throws InvalidConfigException unless it is 64 hex digits (colons allowed between bytes)
     */
    String sha256(String text, String where) throws InvalidConfigException {
        String hex = text.replace(":", "").toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{64}")) {
            throw error(where, "must be a SHA-256 as 64 hex digits, not '" + text + "'");
        }
        return hex;
    }
}
