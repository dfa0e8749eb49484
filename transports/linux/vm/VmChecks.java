import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Judges what guest-tests.sh recorded in the VM: for each step its exit code, JSON output and error
 * message. The expected values come from the VM's definition in run-vm-tests.sh (QEMU's device options:
 * 256 MiB persistent memory, 1 MiB label storage, CXL serial 0xc0ffee01, NVMe serial deadbeef) and from
 * QEMU's emulation (PCI ids, model, firmware, the 323 K temperature, the effects it reports), never from
 * fwgate's own output. Run on the host: {@code java -cp JACKSON_JARS VmChecks.java RESULTS}; prints one
 * line per check and exits 1 if any failed.
 */
public final class VmChecks {
    private static final long MIB = 1L << 20;

    private final Path results;
    private final ObjectMapper mapper = new ObjectMapper();
    private final List<String> failures = new ArrayList<>();
    private int passed;

    private VmChecks(Path results) {
        this.results = results;
    }

    public static void main(String[] args) throws IOException {
        VmChecks checks = new VmChecks(Path.of(args[0]));
        checks.discovery();
        checks.cxlDecoding();
        checks.nvmeDecoding();
        checks.deviceEffectsFeedTheGate();
        checks.kernelRefusals();
        checks.mctp();
        checks.hotPlug();
        checks.expect("audit: the hash chain verifies", checks.exit("audit") == 0, checks.text("audit.out"));
        System.out.printf("vm-checks: %d passed, %d failed%n", checks.passed, checks.failures.size());
        System.exit(checks.failures.isEmpty() ? 0 : 1);
    }

    private void discovery() throws IOException {
        JsonNode cxl = device(json("list"), "cxl:mem0");
        expect("list: cxl:mem0 is a CXL memory device", "cxl-memory-device".equals(cxl.path("kind").asText()), cxl);
        expect("list: cxl:mem0 has QEMU's PCI ids 8086:0d93", "8086:0d93".equals(cxl.path("pci").asText()), cxl);
        expect("list: cxl:mem0 has the serial given to QEMU", "0xc0ffee01".equals(cxl.path("serial").asText()), cxl);
        expect("list: cxl:mem0 shows its 256 MiB persistent capacity",
                cxl.path("description").asText().contains("256 MiB persistent"), cxl);
        JsonNode nvme = device(json("list"), "nvme:nvme0");
        expect("list: nvme:nvme0 is an NVMe controller", "nvme-controller".equals(nvme.path("kind").asText()), nvme);
        expect("list: nvme:nvme0 has QEMU's PCI ids 1b36:0010", "1b36:0010".equals(nvme.path("pci").asText()), nvme);
        expect("list: nvme:nvme0 has the serial deadbeef", "deadbeef".equals(nvme.path("serial").asText()), nvme);
        expect("list: nvme:nvme0 shows QEMU's model", nvme.path("description").asText().startsWith("QEMU NVMe Ctrl"),
                nvme);
    }

    private void cxlDecoding() throws IOException {
        JsonNode identify = response("cxl-identify");
        expect("cxl identify: total capacity is the 256 MiB backend",
                identify.path("total-capacity-bytes").asLong() == 256 * MIB, identify);
        expect("cxl identify: all of it persistent, none volatile",
                identify.path("persistent-only-capacity-bytes").asLong() == 256 * MIB
                        && identify.path("volatile-only-capacity-bytes").asLong() == 0, identify);
        expect("cxl identify: the label storage area is the 1 MiB backend",
                identify.path("lsa-size-bytes").asLong() == MIB, identify);
        expect("cxl identify: QEMU's firmware revision",
                identify.path("firmware-revision").asText().startsWith("BWFW VERSION"), identify);
        JsonNode firmware = response("cxl-fw-info");
        expect("cxl get-fw-info: slot 1 is active and holds QEMU's firmware",
                firmware.path("active-slot").asLong() == 1
                        && firmware.path("slot-1-revision").asText().startsWith("BWFW VERSION"), firmware);
        expect("cxl get-health-info: QEMU emulates none, and the kernel says it has not enabled the command",
                exit("cxl-health") == 5 && text("cxl-health.err").contains("Get Health Info")
                        && text("cxl-health.err").contains("not enabled"), text("cxl-health.err"));
    }

    private void nvmeDecoding() throws IOException {
        JsonNode identify = response("nvme-identify");
        expect("nvme identify-controller: serial deadbeef", "deadbeef".equals(identify.path("serial-number").asText()),
                identify);
        expect("nvme identify-controller: QEMU's model and PCI vendor 1b36",
                "QEMU NVMe Ctrl".equals(identify.path("model-number").asText())
                        && identify.path("pci-vendor-id").asLong() == 0x1b36, identify);
        JsonNode smart = response("nvme-smart");
        expect("nvme smart-log: QEMU's composite temperature, 323 K",
                smart.path("composite-temperature-kelvin").asLong() == 323, smart);
        JsonNode effects = response("nvme-effects").path("admin-commands");
        expect("nvme effects-log: Identify (06h) supported, changing nothing",
                effects(effects, 0x06).equals(List.of("command-supported")), effects(effects, 0x06));
        expect("nvme effects-log: Format NVM (80h) changes logical block content",
                effects(effects, 0x80).contains("logical-block-content-change"), effects(effects, 0x80));
    }

    private void deviceEffectsFeedTheGate() throws IOException {
        expect("commands cxl:mem0: set-lsa carries the CEL's data-change effect",
                commandEffects("cxl-commands", "set-lsa").contains("data-change-immediate"),
                commandEffects("cxl-commands", "set-lsa"));
        expect("commands nvme:nvme0: format-nvm carries the effects log's logical-block-content-change",
                commandEffects("nvme-commands", "format-nvm").contains("logical-block-content-change"),
                commandEffects("nvme-commands", "format-nvm"));
        JsonNode allowed = json("cel-allows");
        expect("telemetry caller: raw 4100h runs, since the CEL lists it without effects",
                exit("cel-allows") == 0 && "telemetry".equals(allowed.path("level").asText()), allowed);
        refusedFor("cel-overrides", "data-change-immediate");
        refusedFor("effects-overrides", "logical-block-content-change");
        expect("sanitize is not callable: the effects log leaves CSUPP clear",
                exit("effects-unsupported") == 3 && text("effects-unsupported.err").contains("CSUPP"),
                text("effects-unsupported.err"));
    }

    private void refusedFor(String step, String effect) throws IOException {
        String err = text(step + ".err");
        expect(step + ": declared telemetry, refused below debug-write-full for the device's " + effect,
                exit(step) == 3 && err.contains("needs debug-write-full") && err.contains("the device reports")
                        && err.contains(effect) && err.contains("you have telemetry"), err);
    }

    private void kernelRefusals() throws IOException {
        String err = text("kernel-refuses.err");
        expect("get-timestamp: the kernel's refusal of RAW commands is reported as such",
                exit("kernel-refuses") == 5 && err.contains("does not allow raw CXL commands")
                        && err.contains("CONFIG_CXL_MEM_RAW_COMMANDS"), err);
    }

    private void mctp() throws IOException {
        String err = text("mctp-unsupported.err");
        expect("mctp:1,8: a kernel without AF_MCTP makes the call fail as not supported",
                exit("mctp-unsupported") == 5 && err.contains("MCTP is not supported") && err.contains("AF_MCTP"),
                err);
    }

    private void hotPlug() throws IOException {
        expect("hot-plug: with its driver unbound, nvme:nvme0 is no longer listed",
                device(json("unplugged-list"), "nvme:nvme0").isMissingNode()
                        && !device(json("unplugged-list"), "cxl:mem0").isMissingNode(), json("unplugged-list"));
        expect("hot-plug: bound again, nvme:nvme0 is listed again",
                "deadbeef".equals(device(json("replugged-list"), "nvme:nvme0").path("serial").asText()),
                json("replugged-list"));
    }

    private void expect(String check, boolean ok, Object detail) {
        if (ok) {
            passed++;
            System.out.println("vm-check PASS " + check);
        } else {
            failures.add(check);
            System.out.println("vm-check FAIL " + check + "\n    got: " + detail);
        }
    }

    private int exit(String step) throws IOException {
        return Integer.parseInt(text(step + ".rc").strip());
    }

    private String text(String file) throws IOException {
        Path path = results.resolve(file);
        return Files.exists(path) ? Files.readString(path) : "(no " + file + ")";
    }

    private JsonNode json(String step) throws IOException {
        String out = text(step + ".out");
        try {
            return mapper.readTree(out);
        } catch (IOException e) {
            return mapper.missingNode();
        }
    }

    private JsonNode response(String step) throws IOException {
        return json(step).path("response");
    }

    private static JsonNode device(JsonNode list, String id) {
        return find(list, d -> id.equals(d.path("id").asText()));
    }

    private List<String> commandEffects(String step, String command) throws IOException {
        JsonNode view = find(json(step), c -> command.equals(c.path("name").asText()));
        return strings(view.path("device-effects"));
    }

    private static List<String> effects(JsonNode admin, int opcode) {
        return strings(find(admin, e -> e.path("opcode").asInt(-1) == opcode).path("effects"));
    }

    private static JsonNode find(JsonNode array, Predicate<JsonNode> match) {
        for (JsonNode element : array) {
            if (match.test(element)) {
                return element;
            }
        }
        return array.path(Integer.MAX_VALUE);
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(value -> strings.add(value.asText()));
        return strings;
    }
}
