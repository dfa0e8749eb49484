package io.fwgate.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.fwgate.api.Effect;

class ProfileParserTest {
    /** The profile the acme plugin ships; the tests read it where it lives. */
    static final Path ACME = Path.of("../../vendor-plugins/acme/src/main/resources/OSGI-INF/fwgate",
            "acme-emulation.json");

    static Profile acme() throws Exception {
        return ProfileParser.parse(Files.readAllBytes(ACME));
    }

    private static String device(String base, String opcodes) {
        return "{'address':'x0','base':'" + base + "','identity':{'pci-vendor-id':'0x1234','pci-device-id':2,"
                + "'serial':'S1','description':'D'},'state':{'level':0},'opcodes':[" + opcodes + "]}";
    }

    private static String profile(String devices) {
        return "{'format':1,'devices':[" + devices + "]}";
    }

    private static String cxl(String opcode) {
        return profile(device("cxl-memory-device", opcode));
    }

    private static String nvme(String opcode) {
        return profile(device("nvme-controller", opcode));
    }

    private static Profile parse(String singleQuoted) throws ProfileException {
        return ProfileParser.parse(singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theAcmeProfileDeclaresItsTwoDevices() throws Exception {
        Profile profile = acme();

        assertThat(profile.devices()).extracting(Profile.Device::address).containsExactly("acme-mem0", "acme-nvme0");
        Profile.Device mem = profile.devices().get(0);
        assertThat(mem.base()).isEqualTo(Profile.Base.CXL_MEMORY_DEVICE);
        assertThat(mem.identity()).isEqualTo(new Profile.Identity(0xacec, 0x0001, "ACME-CXL-0001",
                "Acme Memory Systems AM-1 CXL memory expander", "ACME 2.3.1", 0xacec_0000_0000_0001L));
        assertThat(mem.state()).isEqualTo(Map.of("debug-level", 0L, "log-entries", 12L));
        assertThat(mem.opcodes()).extracting(VendorOpcode::opcode).containsExactly(0xc000, 0xc001, 0xc002, 0xc003);
        VendorOpcode setDebug = mem.opcodes().get(1);
        assertThat(setDebug.effects()).containsExactly(Effect.CONFIG_CHANGE_IMMEDIATE);
        assertThat(setDebug.inputLength()).isEqualTo(OptionalInt.of(4));
        assertThat(setDebug.actions()).containsExactly(new VendorOpcode.Action("debug-level",
                Optional.of(new VendorOpcode.Source(Optional.empty(), 0, 1, 0, 8)), 3));

        Profile.Device nvme = profile.devices().get(1);
        assertThat(nvme.base()).isEqualTo(Profile.Base.NVME_CONTROLLER);
        assertThat(nvme.identity().serial()).isEqualTo("ACME-NVME-0001");
        assertThat(nvme.opcodes()).extracting(VendorOpcode::opcode).containsExactly(0xc0, 0xc1, 0xc2);
        VendorOpcode nvmeSetDebug = nvme.opcodes().get(1);
        assertThat(nvmeSetDebug.effects()).isEqualTo(Set.of(Effect.CONTROLLER_CAPABILITY_CHANGE));
        assertThat(nvmeSetDebug.actions()).containsExactly(new VendorOpcode.Action("debug-level",
                Optional.of(new VendorOpcode.Source(Optional.of("cdw10"), 0, 4, 0, 2)), 3));
        assertThat(nvmeSetDebug.response().result()).contains("debug-level");
        assertThat(nvme.opcodes().get(0).response().size()).isEqualTo(256);
    }

    @Test
    void numbersMayBeHexStringsAndOptionalPartsMayBeLeftOut() throws Exception {
        Profile profile = parse(cxl("{'opcode':49153,'name':'a','effects':[]}"));

        VendorOpcode opcode = profile.devices().get(0).opcodes().get(0);
        assertThat(opcode.opcode()).isEqualTo(0xc001);
        assertThat(opcode.inputLength()).isEmpty();
        assertThat(opcode.response().size()).isZero();
        assertThat(opcode.actions()).isEmpty();
        assertThat(profile.devices().get(0).identity()).isEqualTo(new Profile.Identity(0x1234, 2, "S1", "D", "1.0", 0));
    }

    @Test
    void aResponseIsSizedByItsHexAndFieldsUnlessASizeIsGiven() throws Exception {
        VendorOpcode.Response response = parse(cxl("{'opcode':'0xc000','name':'a','effects':[],"
                + "'response':{'hex':'01 02','fields':[{'offset':4,'type':'u16','state':'level'}]}}"))
                .devices().get(0).opcodes().get(0).response();

        assertThat(response.size()).isEqualTo(6);
        assertThat(response.bytes()).containsExactly(1, 2);
        assertThat(response.fields()).containsExactly(new VendorOpcode.Field(4, 2, "level"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "not json | not valid JSON",
        "{'format':2,'devices':[]} | format: 2 (0x2) is outside 1..1",
        "{'format':1,'devices':[]} | devices: a profile declares at least one device",
        "{'format':1,'devices':[],'extra':1} | extra: unknown member",
        "{'format':1,'devices':[{'base':'nvme-controller'}]} | devices[0]: missing member 'address'",
        "{'format':1,'devices':[{'address':'a b'}]} | devices[0].address: bad device address 'a b'",
        "{'format':1,'devices':[{'address':'x','base':'cxl-switch'}]} | devices[0].base: 'cxl-switch' is not an emulated base",
    })
    void badProfilesAreRefusedWithTheirPlaceAndProblem(String json, String message) {
        assertThatExceptionOfType(ProfileException.class).isThrownBy(() -> parse(json)).withMessageContaining(message);
    }

    @Test
    void aDeviceAddressTwiceIsRefused() {
        String twice = profile(device("cxl-memory-device", "") + "," + device("nvme-controller", ""));
        assertThatExceptionOfType(ProfileException.class).isThrownBy(() -> parse(twice))
                .withMessage("devices[1].address: address 'x0' is declared twice");
    }

    @Test
    void badIdentitiesAreRefused() {
        String vendor = profile("{'address':'x','base':'cxl-memory-device','identity':{'pci-vendor-id':65536,"
                + "'pci-device-id':1,'serial':'s','description':'d'}}");
        assertThatExceptionOfType(ProfileException.class).isThrownBy(() -> parse(vendor))
                .withMessage("devices[0].identity.pci-vendor-id: 65536 (0x10000) is outside 0..65535 (0x0..0xffff)");
        String serial = profile("{'address':'x','base':'nvme-controller','identity':{'pci-vendor-id':1,"
                + "'pci-device-id':1,'serial':'123456789012345678901','description':'d'}}");
        assertThatExceptionOfType(ProfileException.class).isThrownBy(() -> parse(serial))
                .withMessage("devices[0].identity.serial: '123456789012345678901' is not 1 to 20 printable ASCII "
                        + "characters");
        String number = profile("{'address':'x','base':'nvme-controller','identity':{'pci-vendor-id':1,"
                + "'pci-device-id':1,'serial':'s','description':'d','serial-number':5}}");
        assertThatExceptionOfType(ProfileException.class).isThrownBy(() -> parse(number))
                .withMessage("devices[0].identity.serial-number: only a CXL device has a 64-bit serial number");
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "cxl | {'opcode':'0x4000','name':'a','effects':[]} | opcodes[0].opcode: 16384 (0x4000) is outside 49152..65535",
        "nvme | {'opcode':6,'name':'a','effects':[]} | opcodes[0].opcode: 6 (0x6) is outside 192..255",
        "cxl | {'opcode':'0xc000','name':'Acme_Dump','effects':[]} | opcodes[0].name: 'Acme_Dump' is not kebab-case",
        "cxl | {'opcode':'0xc000','name':'a'} | opcodes[0]: missing member 'effects'",
        "cxl | {'opcode':'0xc000','name':'a','effects':['fast']} | opcodes[0].effects[0]: unknown effect 'fast'",
        "cxl | {'opcode':'0xc000','name':'a','effects':['controller-capability-change']} | 'controller-capability-change' is not a CXL CEL effect",
        "nvme | {'opcode':'0xc0','name':'a','effects':['log-change-immediate']} | 'log-change-immediate' is not an NVMe effects log effect",
        "cxl | {'opcode':'0xc000','name':'a','effects':['background-operation']} | cannot report 'background-operation'",
        "cxl | {'opcode':'0xc000','name':'a','effects':['affects-other-hosts']} | 'affects-other-hosts' is not a CXL CEL effect",
        "cxl | {'opcode':'0xc000','name':'a','effects':[],'respond':{}} | opcodes[0].respond: unknown member",
        "cxl | {'opcode':'0xc000','name':'a','effects':[],'response':{'hex':'123'}} | response.hex: not an even number of hex digits",
        "cxl | {'opcode':'0xc000','name':'a','effects':[],'response':{'size':2,'hex':'01020304'}} | response.size: 2 bytes cannot hold the hex bytes and fields, which reach 4",
        "cxl | {'opcode':'0xc000','name':'a','effects':[],'response':{'fields':[{'offset':0,'type':'u8','state':'other'}]}} | fields[0].state: 'other' is not a state variable of this device",
        "cxl | {'opcode':'0xc000','name':'a','effects':[],'response':{'fields':[{'offset':0,'type':'u24','state':'level'}]}} | 'u24' is not an integer type",
        "cxl | {'opcode':'0xc000','name':'a','effects':[],'response':{'result':'level'}} | response.result: only an NVMe command has a completion dword 0 result",
        "cxl | {'opcode':'0xc000','name':'a','effects':[],'actions':[{'set':'level','reset':'level'}]} | actions[0]: an action has exactly one of 'set' and 'reset'",
        "cxl | {'opcode':'0xc000','name':'a','effects':[],'input-length':2,'actions':[{'set':'level','from':{'offset':1,'type':'u16'}}]} | actions[0].from: reads bytes 1..2, past the command's 'input-length'",
        "cxl | {'opcode':'0xc000','name':'a','effects':[],'actions':[{'set':'level','from':{'offset':0,'type':'u8'}}]} | past the command's 'input-length' (none declared)",
        "cxl | {'opcode':'0xc000','name':'a','effects':[],'actions':[{'set':'level','from':{'param':'cdw10'}}]} | from.param: 'cdw10' is not a parameter of CXL commands",
        "nvme | {'opcode':'0xc0','name':'a','effects':[],'actions':[{'set':'level','from':{'param':'cdw16'}}]} | from.param: 'cdw16' is not a parameter of NVMe admin commands",
        "nvme | {'opcode':'0xc0','name':'a','effects':[],'actions':[{'set':'level','from':{'param':'cdw10','shift':4}}]} | actions[0].from: 'shift' and 'width' go together",
        "nvme | {'opcode':'0xc0','name':'a','effects':[],'actions':[{'set':'level','from':{'param':'cdw10','shift':0,'width':8},'max':256}]} | actions[0].max: 256 (0x100) is outside 0..255",
        "nvme | {'opcode':'0xc0','name':'a','effects':[],'actions':[{'reset':'level','max':1}]} | 'reset' sets the variable to 0 and takes no 'from' or 'max'",
        "nvme | {'opcode':'0xc0','name':'a','effects':[]},{'opcode':'0xc0','name':'b','effects':[]} | opcodes[1].opcode: opcode c0h is declared twice",
        "nvme | {'opcode':'0xc0','name':'a','effects':[]},{'opcode':'0xc1','name':'a','effects':[]} | opcodes[1].name: name 'a' is declared twice",
    })
    void badOpcodesAreRefusedWithTheirPlaceAndProblem(String base, String opcodes, String message) {
        String json = base.equals("cxl") ? cxl(opcodes) : nvme(opcodes);
        assertThatExceptionOfType(ProfileException.class).isThrownBy(() -> parse(json)).withMessageContaining(message);
    }

    @Test
    void messagesNameTheWholePath() {
        assertThatExceptionOfType(ProfileException.class)
                .isThrownBy(() -> parse(cxl("{'opcode':'0xc000','name':'a','effects':['fast']}")))
                .withMessage("devices[0].opcodes[0].effects[0]: unknown effect 'fast'");
    }
}
