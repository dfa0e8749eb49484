package io.fwgate.emulator.internal;

/**
 * What an emulated NVMe controller says about itself.
 *
 * @param vendorId PCI vendor id (Identify Controller VID)
 * @param subsystemVendorId PCI subsystem vendor id (SSVID)
 * @param deviceId PCI device id
 * @param serial serial number, at most 20 ASCII characters (SN)
 * @param model model number, at most 40 ASCII characters (MN); also the transport's description
 * @param firmware the revision of the firmware in slot 1, at most 8 ASCII characters (FR)
 */
record NvmeIdentity(int vendorId, int subsystemVendorId, int deviceId, String serial, String model, String firmware) {
    static final int SERIAL_SIZE = 20;
    static final int MODEL_SIZE = 40;
    static final int FIRMWARE_SIZE = 8;
}
