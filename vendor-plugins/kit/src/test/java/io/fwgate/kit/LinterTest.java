package io.fwgate.kit;

import static io.fwgate.kit.Tables.acmeCxl;
import static io.fwgate.kit.Tables.bytes;
import static io.fwgate.kit.Tables.command;
import static io.fwgate.kit.Tables.lineOf;
import static io.fwgate.kit.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.fwgate.kit.Finding.Severity;

/** One minimal table per finding the table checks can make, and the parser's problems as lint reports them. */
class LinterTest {
    private static final String TELEMETRY = command("acme-read-counters", "0xC000", "[]", "telemetry");

    @Test
    void aSoundVendorTableHasNoFindings() {
        String text = acmeCxl(TELEMETRY + ",\n" + command("acme-set-mode", "0xC001",
                "[\"config-change-immediate\"]", "configuration") + ",\n"
                + command("get-health-info", "0x4200", "[]", "telemetry"));

        assertThat(Linter.lint("acme.json", bytes(text))).isEmpty();
    }

    @Test
    void duplicateNamesAreErrorsAtTheLaterCommandsName() {
        String text = acmeCxl(TELEMETRY + ",\n" + command("acme-read-counters", "0xC001", "[]", "telemetry"));

        Finding finding = only(Linter.lint("acme.json", bytes(text)));

        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        assertThat(finding.code()).isEqualTo("duplicate-name");
        assertThat(finding.location()).isEqualTo(new Location("acme.json", "/commands/1/name",
                lineOf(text, "\"opcode\": \"0xC001\"")));
    }

    @Test
    void duplicateOpcodesAreErrors() {
        String text = acmeCxl(TELEMETRY + ",\n" + command("acme-read-more", "0xC000", "[]", "telemetry"));

        Finding finding = only(Linter.lint("acme.json", bytes(text)));

        assertThat(finding.code()).isEqualTo("duplicate-opcode");
        assertThat(finding.location().pointer()).isEqualTo("/commands/1/opcode");
    }

    @Test
    void overlappingRequestFieldsAreLayoutErrors() {
        String text = acmeCxl("""
                    { "name": "acme-set-mode", "opcode": "0xC001", "description": "d",
                      "effects": ["config-change-immediate"], "level": "configuration",
                      "request": { "size": 4, "fields": [
                        { "name": "mode", "offset": 0, "type": "u16" },
                        { "name": "speed", "offset": 1, "type": "u8" } ] },
                      "response": { "max-size": 0, "fields": [] } }""");

        Finding finding = only(Linter.lint("acme.json", bytes(text)));

        assertThat(finding.code()).isEqualTo("bad-layout");
        assertThat(finding.location().pointer()).startsWith("/commands/0/request/fields/1");
        assertThat(finding.location().line()).isEqualTo(lineOf(text, "\"speed\""));
    }

    @Test
    void requestFieldsOutsideThePayloadAreLayoutErrors() {
        String text = acmeCxl("""
                    { "name": "acme-set-mode", "opcode": "0xC001", "description": "d",
                      "effects": ["config-change-immediate"], "level": "configuration",
                      "request": { "size": 2, "fields": [ { "name": "mode", "offset": 0, "type": "u32" } ] },
                      "response": { "max-size": 0, "fields": [] } }""");

        assertThat(only(Linter.lint("acme.json", bytes(text))).code()).isEqualTo("bad-layout");
    }

    @Test
    void aDecoderReadingPastThePayloadIsALayoutError() {
        String text = acmeCxl("""
                    { "name": "acme-read-counters", "opcode": "0xC000", "description": "d",
                      "effects": [], "level": "telemetry",
                      "response": { "max-size": 4, "fields": [ { "name": "errors", "offset": 2, "type": "u32" } ] } }""");

        Finding finding = only(Linter.lint("acme.json", bytes(text)));

        assertThat(finding.code()).isEqualTo("bad-layout");
        assertThat(finding.location().pointer()).isEqualTo("/commands/0/response/fields/0");
        assertThat(finding.message()).contains("past max-size 4");
    }

    @Test
    void aZeroMaxSizeWithAFixedResponseFieldIsALayoutError() {
        String text = acmeCxl("""
                    { "name": "acme-read-counters", "opcode": "0xC000", "description": "d",
                      "effects": [], "level": "telemetry",
                      "response": { "max-size": 0, "fields": [ { "name": "errors", "offset": 0, "type": "u8" } ] } }""");

        assertThat(only(Linter.lint("acme.json", bytes(text))).code()).isEqualTo("bad-layout");
    }

    @Test
    void aFieldTakingTheRestOfAnEmptyPayloadIsAWarning() {
        String text = acmeCxl("""
                    { "name": "acme-dump", "opcode": "0xC000", "description": "d",
                      "effects": [], "level": "telemetry",
                      "response": { "max-size": 0, "fields": [ { "name": "data", "offset": 0, "type": "bytes" } ] } }""");

        Finding finding = only(Linter.lint("acme.json", bytes(text)));

        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.code()).isEqualTo("field-always-empty");
        assertThat(finding.location().pointer()).isEqualTo("/commands/0/response/fields/0");
    }

    @Test
    void textThatIsNotJsonIsMalformedAtTheLineOfTheError() {
        String text = "{\n  \"format\": 1,\n  \"vendor\": \"Acme\"\n  \"match\": {}\n}\n";

        Finding finding = only(Linter.lint("acme.json", bytes(text)));

        assertThat(finding.code()).isEqualTo("malformed");
        assertThat(finding.location().line()).isEqualTo(4);
    }

    @Test
    void aVendorTablesOpcodeOutsideTheVendorRangeThatIsNoSpecCommandIsAnError() {
        String text = acmeCxl(command("acme-read-counters", "0x0C00", "[]", "telemetry"));

        Finding finding = only(Linter.lint("acme.json", bytes(text)));

        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        assertThat(finding.code()).isEqualTo("opcode-outside-vendor-range");
        assertThat(finding.location().pointer()).isEqualTo("/commands/0/opcode");
        assertThat(finding.message()).contains("0x0c00", "0xc000 to 0xffff");
    }

    @Test
    void aTableForEveryVendorMayNotUseVendorOpcodes() {
        String text = table("[\"cxl-memory-device\"]", "[]", TELEMETRY);

        Finding finding = only(Linter.lint("acme.json", bytes(text)));

        assertThat(finding.code()).isEqualTo("vendor-opcode-for-any-vendor");
        assertThat(finding.message()).contains("pci-vendor-ids");
    }

    @Test
    void aCommandNamedVendorOnASpecOpcodeIsAnError() {
        String text = acmeCxl(command("acme-vendor-health", "0x4200", "[]", "telemetry"));

        Finding finding = only(Linter.lint("acme.json", bytes(text)));

        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        assertThat(finding.code()).isEqualTo("vendor-claim-on-spec-opcode");
        assertThat(finding.location().pointer()).isEqualTo("/commands/0/name");
    }

    @Test
    void aDescriptionSpeakingOfAVendorCommandOnASpecOpcodeIsAWarning() {
        String text = acmeCxl(command("acme-health", "0x4200", "[]", "telemetry")
                .replace("\"description\": \"acme-health\"", "\"description\": \"Acme vendor health dump\""));

        Finding finding = only(Linter.lint("acme.json", bytes(text)));

        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.code()).isEqualTo("vendor-claim-on-spec-opcode");
        assertThat(finding.location().pointer()).isEqualTo("/commands/0/description");
    }

    @Test
    void nvmeTablesUseTheAdminVendorRange() {
        String kinds = "[\"nvme-controller\"]";
        String vendorOpcode = table(kinds, "[\"0xACEC\"]", command("acme-telemetry", "0xC1", "[]", "telemetry"));
        String identify = table(kinds, "[\"0xACEC\"]", command("identify-controller", "0x06", "[]", "telemetry"));
        String reserved = table(kinds, "[\"0xACEC\"]", command("acme-telemetry", "0x30", "[]", "telemetry"));

        assertThat(Linter.lint("a.json", bytes(vendorOpcode))).isEmpty();
        assertThat(Linter.lint("a.json", bytes(identify))).isEmpty();
        Finding finding = only(Linter.lint("a.json", bytes(reserved)));
        assertThat(finding.code()).isEqualTo("opcode-outside-vendor-range");
        assertThat(finding.message()).contains("0x30", "0xc0 to 0xff");
    }

    @Test
    void aLevelBelowWhatTheEffectsNeedIsAnError() {
        String text = acmeCxl(command("acme-wipe", "0xC002", "[\"data-change-immediate\"]", "configuration"));

        Finding finding = only(Linter.lint("acme.json", bytes(text)));

        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        assertThat(finding.code()).isEqualTo("level-contradicts-effects");
        assertThat(finding.location().pointer()).isEqualTo("/commands/0/level");
        assertThat(finding.message()).contains("configuration", "debug-write-full");
    }

    @Test
    void debugWriteFullWithoutEffectsIsAWarning() {
        String text = acmeCxl(command("acme-wipe", "0xC002", "[]", "debug-write-full"));

        Finding finding = only(Linter.lint("acme.json", bytes(text)));

        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.code()).isEqualTo("no-effects-declared");
        assertThat(finding.message()).contains("declares no effects", "say what it changes");
    }

    @Test
    void effectsOfTheOtherFamilyAreAWarning() {
        String text = table("[\"nvme-controller\"]", "[\"0xACEC\"]",
                command("acme-set-debug", "0xC1", "[\"config-change-immediate\"]", "configuration"));

        Finding finding = only(Linter.lint("acme.json", bytes(text)));

        assertThat(finding.code()).isEqualTo("effect-of-other-family");
        assertThat(finding.location().pointer()).isEqualTo("/commands/0/effects/0");
    }

    @Test
    void anAbortWithoutABackgroundOperationIsAWarning() {
        String text = acmeCxl(command("acme-scan", "0xC002", "[\"background-abort-supported\"]", "telemetry"));

        assertThat(only(Linter.lint("acme.json", bytes(text))).code()).isEqualTo("abort-without-background");
    }

    @Test
    void checksStillRunOnATableWithParseProblems() {
        String text = acmeCxl(command("acme-wipe", "0xC002", "[\"data-change-immediate\"]", "configuration")
                + ",\n" + command("acme-wipe", "0xC003", "[]", "telemetry"));

        List<Finding> findings = Linter.lint("acme.json", bytes(text));

        assertThat(findings).extracting(Finding::code).containsExactly("level-contradicts-effects", "duplicate-name");
    }

    @Test
    void warningsAloneExitZeroAndErrorsExitOne() {
        List<Finding> warnings = Linter.lint("a.json", bytes(acmeCxl(command("w", "0xC002", "[]", "debug-write-full"))));
        List<Finding> errors = Linter.lint("a.json", bytes(acmeCxl(command("e", "0x0C00", "[]", "telemetry"))));

        assertThat(Linter.exitStatus(warnings)).isEqualTo(Linter.EXIT_OK);
        assertThat(Linter.exitStatus(errors)).isEqualTo(Linter.EXIT_ERRORS);
        assertThat(Linter.exitStatus(List.of())).isEqualTo(Linter.EXIT_OK);
    }

    private static Finding only(List<Finding> findings) {
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }
}
