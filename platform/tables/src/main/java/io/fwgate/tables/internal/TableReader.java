package io.fwgate.tables.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.fwgate.api.DeviceKind;
import io.fwgate.tables.Problem;
import io.fwgate.tables.TableMatch;

/** Reads and checks a whole table resource. Thread-safe. */
public final class TableReader {
    /** The largest table resource read: 1 MiB. */
    public static final int MAX_RESOURCE = 1 << 20;
    /** The table format this platform reads. */
    public static final int FORMAT = 1;
    private static final int MAX_JSON_DEPTH = 64;
    private static final Set<String> MEMBERS = Set.of("format", "vendor", "match", "commands");
    /** A device id's transport scheme, as {@code DeviceId} accepts it. */
    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Set<String> MATCH_MEMBERS = Set.of("kinds", "pci-vendor-ids", "transports");
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private TableReader() {
    }

    /**
     * @param json the resource's bytes
     * @param problems where problems go
     * @return the table, or empty if it has problems
     */
    public static Optional<TableModel> read(byte[] json, Problems problems) {
        if (json == null || json.length > MAX_RESOURCE) {
            problems.malformed("", "a table resource must be present and at most " + MAX_RESOURCE + " bytes");
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.malformed("", "not valid JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column "
                    + at.getColumnNr()) + ": " + e.getOriginalMessage());
            return Optional.empty();
        } catch (IOException e) {
            problems.malformed("", "not valid JSON: " + e.getMessage());
            return Optional.empty();
        }
        Optional<Members> found = Members.of(root, "", "a table", problems);
        return found.flatMap(TableReader::table);
    }

    private static Optional<TableModel> table(Members m) {
        Problems problems = m.problems();
        m.allowOnly(MEMBERS);
        Optional<Integer> format = m.integer("format", true, 0);
        if (format.isEmpty()) {
            return Optional.empty();
        }
        if (format.get() != FORMAT) {
            problems.malformed(m.path("format"), "unknown format version " + format.get() + " (this platform reads "
                    + "format " + FORMAT + ")");
            return Optional.empty();
        }
        Optional<String> vendor = m.string("vendor", true);
        if (vendor.isPresent() && vendor.get().isBlank()) {
            problems.malformed(m.path("vendor"), "'vendor' must not be empty");
        }
        Optional<TableMatch> match = m.object("match", true).flatMap(TableReader::match);
        int maxOpcode = match.filter(t -> t.kinds().contains(DeviceKind.NVME_CONTROLLER)).isPresent() ? 0xff : 0xffff;
        List<CommandModel> commands = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        List<JsonNode> nodes = m.array("commands", true).orElse(List.of());
        for (int i = 0; i < nodes.size(); i++) {
            int index = i;
            CommandReader.read(nodes.get(i), "/commands/" + i, maxOpcode, problems).ifPresent(c -> {
                commands.add(c);
                indexes.add(index);
            });
        }
        checkDuplicates(commands, indexes, problems);
        if (problems.count() > 0) {
            return Optional.empty();
        }
        return Optional.of(new TableModel(vendor.orElseThrow(), match.orElseThrow(), commands));
    }

    private static Optional<TableMatch> match(Members m) {
        int before = m.problems().count();
        m.allowOnly(MATCH_MEMBERS);
        Set<DeviceKind> kinds = EnumSet.noneOf(DeviceKind.class);
        List<JsonNode> ids = m.array("kinds", true).orElse(List.of());
        if (m.has("kinds") && ids.isEmpty()) {
            m.problems().malformed(m.path("kinds"), "'kinds' must name at least one device kind");
        }
        for (int i = 0; i < ids.size(); i++) {
            try {
                kinds.add(DeviceKind.parse(ids.get(i).isTextual() ? ids.get(i).textValue() : ids.get(i).toString()));
            } catch (IllegalArgumentException e) {
                m.problems().malformed(m.path("kinds") + "/" + i, e.getMessage());
            }
        }
        Set<Integer> vendors = new HashSet<>();
        List<JsonNode> vendorIds = m.array("pci-vendor-ids", false).orElse(List.of());
        for (int i = 0; i < vendorIds.size(); i++) {
            String where = m.path("pci-vendor-ids") + "/" + i;
            Optional<BigInteger> id = m.number(vendorIds.get(i), where, "a PCI vendor id");
            if (id.isPresent() && (id.get().signum() < 0 || id.get().compareTo(BigInteger.valueOf(0xffff)) > 0)) {
                m.problems().malformed(where, "PCI vendor id " + Numbers.hex(id.get()) + " is out of range (0 to 0xffff)");
            } else {
                id.ifPresent(v -> vendors.add(v.intValue()));
            }
        }
        Set<String> transports = transports(m);
        return m.problems().count() > before ? Optional.empty()
                : Optional.of(new TableMatch(kinds, vendors, transports));
    }

    /** The transport schemes a table is limited to: the same form as a device id's scheme. */
    private static Set<String> transports(Members m) {
        Set<String> schemes = new HashSet<>();
        List<JsonNode> nodes = m.array("transports", false).orElse(List.of());
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            if (!node.isTextual() || !SCHEME.matcher(node.textValue()).matches()) {
                m.problems().malformed(m.path("transports") + "/" + i, "transport " + node
                        + " is not a transport scheme (lower-case letters, digits and '-', e.g. \"mctp-serial\")");
            } else {
                schemes.add(node.textValue());
            }
        }
        return schemes;
    }

    /**
     * Reports a command whose name an earlier command of the table already has, or whose opcode an earlier
     * command has without constant parameter bits that tell the two apart.
     */
    private static void checkDuplicates(List<CommandModel> commands, List<Integer> indexes, Problems problems) {
        Map<String, Integer> names = new HashMap<>();
        Map<Integer, List<Integer>> byOpcode = new HashMap<>();
        for (int i = 0; i < commands.size(); i++) {
            CommandModel c = commands.get(i);
            int index = indexes.get(i);
            Integer first = names.putIfAbsent(c.name(), index);
            if (first != null) {
                problems.add(Problem.Kind.DUPLICATE_NAME, "/commands/" + index + "/name",
                        "command '" + c.name() + "' is also at /commands/" + first);
            }
            List<Integer> sameOpcode = byOpcode.computeIfAbsent(c.opcode(), k -> new ArrayList<>());
            for (int earlier : sameOpcode) {
                if (!c.request().distinguishedFrom(commands.get(earlier).request())) {
                    problems.add(Problem.Kind.DUPLICATE_OPCODE, "/commands/" + index + "/opcode", "opcode 0x"
                            + Integer.toHexString(c.opcode()) + " of '" + c.name() + "' is also at /commands/"
                            + indexes.get(earlier) + ", and no constant parameter bits (such as an NVMe CNS or log"
                            + " page identifier) tell the two apart");
                    break;
                }
            }
            sameOpcode.add(i);
        }
    }
}
