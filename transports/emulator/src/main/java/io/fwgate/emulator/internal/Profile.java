package io.fwgate.emulator.internal;

import java.util.List;
import java.util.Map;

/**
 * A vendor's emulation profile, as parsed: the devices it declares. Immutable.
 *
 * @param devices the devices, each address once
 */
public record Profile(List<Device> devices) {
    public Profile {
        devices = List.copyOf(devices);
    }

    /** The device models a profile device is built on. */
    enum Base {
        CXL_MEMORY_DEVICE("cxl-memory-device"),
        NVME_CONTROLLER("nvme-controller");

        private final String id;

        Base(String id) {
            this.id = id;
        }

        String id() {
            return id;
        }
    }

    /**
     * @param vendorId PCI vendor id
     * @param deviceId PCI device id
     * @param serial the serial the transport reports (NVMe: Identify SN)
     * @param description the transport's description (NVMe: Identify MN)
     * @param firmware the running firmware's revision
     * @param serialNumber CXL only: the 64-bit serial number Identify reports
     */
    record Identity(int vendorId, int deviceId, String serial, String description, String firmware, long serialNumber) {
    }

    /**
     * @param address the device's address under {@code emu:}
     * @param base the model it is built on
     * @param identity what it says about itself
     * @param state its state variables and their initial values
     * @param opcodes its vendor commands, each opcode once
     */
    public record Device(String address, Base base, Identity identity, Map<String, Long> state, List<VendorOpcode> opcodes) {
        public Device {
            state = Map.copyOf(state);
            opcodes = List.copyOf(opcodes);
        }
    }
}
