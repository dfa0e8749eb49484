package io.fwgate.emulator.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.fwgate.api.DeviceId;

/**
 * Reads and validates an emulation profile (format 1, described in the module's README). Every problem
 * is reported as a {@link ProfileException} naming where it is; nothing else escapes. Thread-safe.
 */
public final class ProfileParser {
    static final int FORMAT = 1;
    /** CXL serial strings and descriptions: the NVMe limits do not apply, but a line must stay readable. */
    static final int MAX_TEXT = 200;
    static final int CXL_FIRMWARE_SIZE = 16;
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private ProfileParser() {
    }

    /**
     * @param json the profile's bytes, UTF-8 JSON
     * @return the profile
     * @throws ProfileException if the profile is not valid JSON or not a valid profile
     */
    public static Profile parse(byte[] json) throws ProfileException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ProfileException("", "not valid JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new ProfileException("", "cannot be read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new ProfileException("", "the profile is empty");
        }
        ProfileNode node = new ProfileNode(root, "").object(Set.of("format", "vendor", "devices"));
        node.member("format").integer(FORMAT, FORMAT);
        if (node.has("vendor")) {
            node.member("vendor").ascii(MAX_TEXT);
        }
        List<ProfileNode> elements = node.member("devices").elements();
        if (elements.isEmpty()) {
            throw node.member("devices").fail("a profile declares at least one device");
        }
        List<Profile.Device> devices = new ArrayList<>();
        Set<String> addresses = new HashSet<>();
        for (ProfileNode element : elements) {
            Profile.Device device = device(element);
            if (!addresses.add(device.address())) {
                throw element.member("address").fail("address '" + device.address() + "' is declared twice");
            }
            devices.add(device);
        }
        return new Profile(devices);
    }

    private static Profile.Device device(ProfileNode node) throws ProfileException {
        node.object(Set.of("address", "base", "identity", "state", "opcodes"));
        String address = node.member("address").text();
        try {
            new DeviceId(EmulatorTransport.SCHEME, address);
        } catch (IllegalArgumentException e) {
            throw node.member("address").fail(e.getMessage());
        }
        Profile.Base base = base(node.member("base"));
        Profile.Identity identity = identity(node.member("identity"), base);
        Map<String, Long> state = state(node);
        List<VendorOpcode> opcodes = new ArrayList<>();
        if (node.has("opcodes")) {
            OpcodeParser parser = new OpcodeParser(base, state.keySet());
            for (ProfileNode element : node.member("opcodes").elements()) {
                opcodes.add(parser.opcode(element, opcodes));
            }
        }
        return new Profile.Device(address, base, identity, state, opcodes);
    }

    private static Profile.Base base(ProfileNode node) throws ProfileException {
        String id = node.text();
        for (Profile.Base base : Profile.Base.values()) {
            if (base.id().equals(id)) {
                return base;
            }
        }
        throw node.fail("'" + id + "' is not an emulated base (expected cxl-memory-device or nvme-controller)");
    }

    private static Profile.Identity identity(ProfileNode node, Profile.Base base) throws ProfileException {
        node.object(Set.of("pci-vendor-id", "pci-device-id", "serial", "description", "firmware", "serial-number"));
        boolean nvme = base == Profile.Base.NVME_CONTROLLER;
        int vendor = node.member("pci-vendor-id").integer(0, 0xffff);
        int device = node.member("pci-device-id").integer(0, 0xffff);
        String serial = node.member("serial").ascii(nvme ? NvmeIdentity.SERIAL_SIZE : MAX_TEXT);
        String description = node.member("description").ascii(nvme ? NvmeIdentity.MODEL_SIZE : MAX_TEXT);
        String firmware = "1.0";
        if (node.has("firmware")) {
            firmware = node.member("firmware").ascii(nvme ? NvmeIdentity.FIRMWARE_SIZE : CXL_FIRMWARE_SIZE);
        }
        long serialNumber = 0;
        if (node.has("serial-number")) {
            if (nvme) {
                throw node.member("serial-number").fail("only a CXL device has a 64-bit serial number");
            }
            serialNumber = node.member("serial-number").u64();
        }
        return new Profile.Identity(vendor, device, serial, description, firmware, serialNumber);
    }

    private static Map<String, Long> state(ProfileNode device) throws ProfileException {
        Map<String, Long> state = new LinkedHashMap<>();
        if (device.has("state")) {
            ProfileNode node = device.member("state");
            for (String name : node.names()) {
                if (!OpcodeParser.NAME.matcher(name).matches()) {
                    throw node.fail("state variable name '" + name + "' is not kebab-case");
                }
                state.put(name, node.member(name).number(0, Long.MAX_VALUE));
            }
        }
        return state;
    }
}
