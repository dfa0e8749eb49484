package io.fwgate.kit;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.fwgate.tables.Problem;
import io.fwgate.tables.TableParser;

/**
 * Checks command tables and plugin bundles offline, before the platform sees them: everything
 * {@link TableParser} refuses (as errors, at the parser's locations), and what a table claims about its
 * commands:
 * <ul>
 * <li>{@code opcode-outside-vendor-range}, {@code vendor-opcode-for-any-vendor},
 * {@code vendor-claim-on-spec-opcode}: opcodes that do not suit the vendor range (the rule is on
 * {@code OpcodeChecks});</li>
 * <li>{@code level-contradicts-effects} (error): a declared level below what the declared effects need;
 * {@code no-effects-declared} (warning): debug-write-full with no effects; {@code effect-of-other-family}
 * and {@code abort-without-background} (warnings): effects the devices cannot report, or that contradict
 * each other;</li>
 * <li>{@code field-always-empty} (warning): a response field that takes the rest of the payload from
 * {@code max-size} on;</li>
 * <li>for a bundle: {@code not-a-bundle}, {@code no-command-tables}, {@code missing-resource},
 * {@code no-extender-requirement} (warning), and each table and emulation profile it lists;</li>
 * <li>for an emulation profile: {@code bad-emulation-profile}, where the emulator would ignore it;</li>
 * <li>for a file: {@code unreadable}.</li>
 * </ul>
 * The parser's problems have the codes {@code malformed}, {@code duplicate-name}, {@code duplicate-opcode}
 * and {@code bad-layout}. Thread-safe.
 */
public final class Linter {
    /** Exit status of {@link #report}: no errors (warnings allowed). */
    public static final int EXIT_OK = 0;
    /** Exit status of {@link #report}: at least one error. */
    public static final int EXIT_ERRORS = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private Linter() {
    }

    /**
     * @param source the table's name in locations, e.g. its file name
     * @param json the table's bytes
     * @return the findings, in document order; empty for a clean table
     * @throws NullPointerException if {@code source} is null
     */
    public static List<Finding> lint(String source, byte[] json) {
        JsonLines lines = JsonLines.of(json);
        FindingList out = new FindingList(source, lines);
        for (Problem problem : TableParser.parse(source, json).problems()) {
            out.error(problem.location(), code(problem.kind()), problem.message());
        }
        if (json != null && json.length <= BundleFile.MAX_RESOURCE) {
            try {
                JsonNode root = MAPPER.readTree(json);
                if (root != null && root.isObject()) {
                    TableChecks.check(root, out);
                }
            } catch (IOException e) {
                // not JSON: the parser has reported it, with its line
            }
        }
        return out.list();
    }

    /**
     * Checks an emulation profile as the emulator does before it adds the profile's devices.
     *
     * @param source the profile's name in locations
     * @param json the profile's bytes
     * @return one {@code bad-emulation-profile} error where the emulator would ignore the profile, located
     *         at the member it names; else nothing
     */
    public static List<Finding> lintProfile(String source, byte[] json) {
        return ProfileLint.lint(source, json);
    }

    /**
     * @param jar a plugin bundle
     * @return the findings for the bundle's headers, then for each table and profile it lists
     */
    public static List<Finding> lintBundle(Path jar) {
        return BundleLinter.lint(jar);
    }

    /**
     * @param file a command table, an emulation profile (JSON with {@code devices} and no {@code commands})
     *        or a plugin bundle (a jar: by its {@code .jar} name or its content)
     * @return the findings; a file that cannot be read is one {@code unreadable} error
     */
    public static List<Finding> lintFile(Path file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(BundleFile.MAX_RESOURCE + 1);
        } catch (IOException e) {
            return List.of(new Finding(Finding.Severity.ERROR, new Location(file.toString(), "", 0), "unreadable",
                    "cannot read the file: " + e));
        }
        boolean zip = Arrays.equals(bytes, 0, Math.min(bytes.length, ZIP_MAGIC.length), ZIP_MAGIC, 0, ZIP_MAGIC.length);
        if (zip || file.toString().endsWith(".jar")) {
            return lintBundle(file);
        }
        return ProfileLint.isProfile(bytes) ? lintProfile(file.toString(), bytes) : lint(file.toString(), bytes);
    }

    /**
     * @param findings lint's findings
     * @return {@link #EXIT_ERRORS} if any is an error, else {@link #EXIT_OK}
     */
    public static int exitStatus(List<Finding> findings) {
        return findings.stream().anyMatch(Finding::isError) ? EXIT_ERRORS : EXIT_OK;
    }

    /**
     * What {@code fwgate plugin lint FILE|BUNDLE} does: lints the file and prints the findings. Text: one
     * line per finding ({@code LOCATION: SEVERITY code: message}) and a summary line. JSON: one object
     * with the file, the error and warning counts and the findings.
     *
     * @param file a command table or a plugin bundle
     * @param json whether to print JSON instead of text
     * @param out where to print
     * @return {@link #EXIT_ERRORS} if lint found an error, else {@link #EXIT_OK}
     */
    public static int report(Path file, boolean json, PrintStream out) {
        List<Finding> findings = lintFile(file);
        long errors = findings.stream().filter(Finding::isError).count();
        long warnings = findings.size() - errors;
        if (json) {
            out.println(toJson(file, errors, warnings, findings));
        } else {
            findings.forEach(out::println);
            out.println(file + ": " + (findings.isEmpty() ? "no findings"
                    : count(errors, "error") + ", " + count(warnings, "warning")));
        }
        return exitStatus(findings);
    }

    private static String toJson(Path file, long errors, long warnings, List<Finding> findings) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Finding f : findings) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
            one.put("code", f.code());
            one.put("resource", f.location().resource());
            one.put("pointer", f.location().pointer());
            one.put("line", f.location().line());
            one.put("message", f.message());
            list.add(one);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("file", file.toString());
        report.put("errors", errors);
        report.put("warnings", warnings);
        report.put("findings", list);
        try {
            return MAPPER.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("lint findings are plain values and always serialize", e);
        }
    }

    private static String code(Problem.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
