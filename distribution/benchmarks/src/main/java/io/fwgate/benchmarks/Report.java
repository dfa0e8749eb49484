package io.fwgate.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What one run measured: the machine, each section's figures (for {@code result.json}) and its readable
 * table (for {@code summary.md}), and the targets' verdicts. Filled by one thread, in order, then written.
 */
public final class Report {
    private final String title;
    private final Map<String, Object> machine;
    private final Map<String, Object> sections = new LinkedHashMap<>();
    private final List<String> body = new ArrayList<>();
    private final List<Verdict> verdicts = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /**
     * @param title the summary's heading line
     * @param machine where the figures come from (processors, memory, JDK, kernel)
     */
    public Report(String title, Map<String, Object> machine) {
        this.title = title;
        this.machine = machine;
    }

    /**
     * Adds one measured section.
     *
     * @param key the section's member in result.json
     * @param heading its heading in summary.md
     * @param figures every figure, JSON-ready (maps, lists, strings, numbers)
     * @param markdown its readable lines: a table and notes
     */
    public void section(String key, String heading, Map<String, Object> figures, List<String> markdown) {
        sections.put(key, figures);
        body.add("");
        body.add("### " + heading);
        body.add("");
        body.addAll(markdown);
    }

    /** @param verdict one target's verdict */
    public void verdict(Verdict verdict) {
        verdicts.add(verdict);
    }

    /** @param note one line about the run as a whole, printed under the machine */
    public void note(String note) {
        notes.add(note);
    }

    List<Verdict> verdicts() {
        return List.copyOf(verdicts);
    }

    /** Writes {@code result.json} and {@code summary.md} into the directory. */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("title", title);
        json.put("machine", machine);
        json.put("notes", notes);
        json.put("targets", verdicts.stream().map(Verdict::toMap).toList());
        json.putAll(sections);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("result.json").toFile(), json);
        Files.writeString(dir.resolve("summary.md"), summary(), StandardCharsets.UTF_8);
    }

    /** @return the readable summary: machine, the verdict per target, then each section's figures */
    String summary() {
        List<String> lines = new ArrayList<>();
        lines.add("## " + title);
        lines.add("");
        lines.add("Machine: " + machine.get("summary") + ". Load average (1, 5, 15 min) at the start: "
                + machine.get("load-average-at-start") + ".");
        lines.add("");
        notes.forEach(note -> lines.add("- " + note));
        lines.add("");
        lines.add("| # | target | measured | verdict | why |");
        lines.add("|---|---|---|---|---|");
        for (Verdict v : verdicts) {
            lines.add("| " + v.item() + " | " + v.target() + " | " + v.measured() + " | **" + v.word() + "** | "
                    + v.why() + " |");
        }
        lines.addAll(body);
        return String.join("\n", lines) + "\n";
    }

    /** @return the value rounded to 3 significant digits (at least 0.001), for JSON */
    public static double round(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return value;
        }
        double scale = Math.pow(10, Math.max(0, 2 - (int) Math.floor(Math.log10(Math.abs(value)))));
        scale = Math.min(scale, 1000);
        return Math.round(value * scale) / scale;
    }

    /** @return the value with 3 significant digits and thousands grouped, for tables */
    public static String format(double value) {
        double rounded = round(value);
        if (Math.abs(rounded) >= 100 || rounded == Math.rint(rounded)) {
            return String.format(Locale.ROOT, "%,.0f", rounded);
        }
        return String.format(Locale.ROOT, "%.3g", rounded).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
