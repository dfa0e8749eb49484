package io.fwgate.core.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.fwgate.api.Level;
import io.fwgate.api.Reach;

/**
 * Reads {@code policy.json} and {@code role} from the configuration directory. A file that exists but
 * is invalid is an error, never a silent fallback: the platform then refuses every call.
 */
final class PolicyLoader {
    static final String POLICY_FILE = "policy.json";
    static final String ROLE_FILE = "role";

    private final UnixNames names;

    PolicyLoader(UnixNames names) {
        this.names = names;
    }

    /**
     * @param configDir the configuration directory (need not exist)
     * @return the policy in force
     * @throws InvalidConfigException if a file exists but is unreadable or invalid
     */
    Policy load(Path configDir) throws InvalidConfigException {
        Policy.Role role = loadRole(configDir.resolve(ROLE_FILE));
        Optional<String> text = readIfPresent(configDir.resolve(POLICY_FILE));
        if (text.isEmpty()) {
            return Policy.defaults(names, role);
        }
        return parse(configDir.resolve(POLICY_FILE).toString(), text.get(), role);
    }

    Policy parse(String source, String text, Policy.Role role) throws InvalidConfigException {
        JsonNode root;
        try {
            root = Json.LENIENT_READER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidConfigException(source + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidConfigException(source + ": expected a JSON object");
        }
        onlyMembers(source, "", root, Set.of("grants", "plugin-caps"));
        List<Policy.Rule> rules = new ArrayList<>();
        JsonNode grants = root.path("grants");
        if (!grants.isMissingNode() && !grants.isArray()) {
            throw new InvalidConfigException(source + ": /grants must be an array");
        }
        for (int i = 0; i < grants.size(); i++) {
            rules.add(rule(source, "/grants/" + i, grants.get(i)));
        }
        return new Policy(rules, role, caps(source, root.path("plugin-caps")));
    }

    private Policy.Rule rule(String source, String at, JsonNode node) throws InvalidConfigException {
        if (!node.isObject()) {
            throw new InvalidConfigException(source + ": " + at + " must be an object");
        }
        onlyMembers(source, at, node, Set.of("user", "uid", "group", "gid", "everyone", "level", "reach"));
        Grant grant = grant(source, at, node);
        int identities = 0;
        Optional<Long> uid = Optional.empty();
        Optional<Long> gid = Optional.empty();
        boolean everyone = node.path("everyone").asBoolean(false);
        if (node.has("user")) {
            identities++;
            uid = Optional.of(names.uid(node.get("user").asText()).orElseThrow(() -> new InvalidConfigException(
                    source + ": " + at + "/user: no user '" + node.get("user").asText() + "' on this host")));
        }
        if (node.has("uid")) {
            identities++;
            uid = Optional.of(number(source, at + "/uid", node.get("uid")));
        }
        if (node.has("group")) {
            identities++;
            gid = Optional.of(names.gid(node.get("group").asText()).orElseThrow(() -> new InvalidConfigException(
                    source + ": " + at + "/group: no group '" + node.get("group").asText() + "' on this host")));
        }
        if (node.has("gid")) {
            identities++;
            gid = Optional.of(number(source, at + "/gid", node.get("gid")));
        }
        if (everyone) {
            identities++;
        }
        if (identities != 1) {
            throw new InvalidConfigException(source + ": " + at
                    + " must name exactly one of user, uid, group, gid or everyone: true");
        }
        return new Policy.Rule(uid, gid, everyone, grant);
    }

    private static Grant grant(String source, String at, JsonNode node) throws InvalidConfigException {
        if (!node.has("level")) {
            throw new InvalidConfigException(source + ": " + at + " has no level");
        }
        try {
            Level level = Level.parse(node.get("level").asText());
            Reach reach = node.has("reach") ? Reach.parse(node.get("reach").asText()) : Reach.DEVICE;
            return new Grant(level, reach);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(source + ": " + at + ": " + e.getMessage());
        }
    }

    private static PluginCaps caps(String source, JsonNode node) throws InvalidConfigException {
        if (node.isMissingNode()) {
            return PluginCaps.DEFAULT;
        }
        onlyMembers(source, "/plugin-caps", node, Set.of("default", "bundles"));
        Grant fallback = node.has("default") ? grant(source, "/plugin-caps/default", node.get("default"))
                : PluginCaps.DEFAULT_CAP;
        Map<String, Grant> byBundle = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> bundles = node.path("bundles").fields();
        while (bundles.hasNext()) {
            Map.Entry<String, JsonNode> entry = bundles.next();
            byBundle.put(entry.getKey(), grant(source, "/plugin-caps/bundles/" + entry.getKey(), entry.getValue()));
        }
        return new PluginCaps(byBundle, fallback);
    }

    private static long number(String source, String at, JsonNode node) throws InvalidConfigException {
        if (!node.canConvertToLong() || node.asLong() < 0) {
            throw new InvalidConfigException(source + ": " + at + " must be a non-negative number");
        }
        return node.asLong();
    }

    private static void onlyMembers(String source, String at, JsonNode node, Set<String> allowed)
            throws InvalidConfigException {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidConfigException(source + ": " + at + "/" + name + ": unknown member (expected one of "
                        + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }

    static Policy.Role loadRole(Path file) throws InvalidConfigException {
        Optional<String> text = readIfPresent(file);
        if (text.isEmpty()) {
            return Policy.Role.HOST;
        }
        String word = text.get().lines().map(l -> l.replaceFirst("#.*", "").trim()).filter(l -> !l.isEmpty())
                .findFirst().orElse("host");
        for (Policy.Role role : Policy.Role.values()) {
            if (role.id.equals(word)) {
                return role;
            }
        }
        throw new InvalidConfigException(file + ": unknown role '" + word + "' (expected host or fabric-manager)");
    }

    private static Optional<String> readIfPresent(Path file) throws InvalidConfigException {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new InvalidConfigException(file + ": cannot read: " + e.getMessage());
        }
    }
}
