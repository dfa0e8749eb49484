package io.fwgate.emulator.kit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fwgate.api.spi.Transport;
import io.fwgate.emulator.internal.EmulatedDevice;
import io.fwgate.emulator.internal.EmulatorTransport;
import io.fwgate.emulator.internal.Profile;
import io.fwgate.emulator.internal.ProfileException;
import io.fwgate.emulator.internal.ProfileExtender;
import io.fwgate.emulator.internal.ProfileParser;
import io.fwgate.emulator.internal.SwitchFabric;

/**
 * Builds the {@code emu} transport without a framework: the devices the emulator bundle offers when
 * {@code fwgate.emulated} is {@code true} ({@code emu:mem0}, a CXL type 3 memory device, and
 * {@code emu:nvme0}, an NVMe controller) and the devices that emulation profiles declare (format 1, see
 * the emulator's README). Devices run on the system's monotonic clock. The returned transport is
 * thread-safe; its devices keep their state for as long as it lives.
 *
 * <p>The emulator's classes name OSGi framework types, so {@code org.osgi:osgi.core} must be on the
 * class path even outside a framework.
 */
public final class EmulatedFabric {
    /** The transport's scheme: device ids are {@code emu:<address>}. */
    public static final String SCHEME = "emu";

    private EmulatedFabric() {
    }

    /**
     * @param profiles emulation profiles, UTF-8 JSON; may be empty
     * @return a transport offering {@code emu:mem0}, {@code emu:nvme0} and every device of the profiles
     * @throws IllegalArgumentException if a profile is not valid, or declares an address that is taken;
     *         the message names the profile by its position, the place in it and the problem
     */
    public static Transport create(List<byte[]> profiles) {
        return build(EmulatorTransport.standardDevices(System::nanoTime), profiles);
    }

    /**
     * @return a transport offering the emulated CXL switch {@code emu:switch0} (FM API: Identify Switch Device,
     *         Get Physical Port State, vPPB binding, Tunnel Management) and the two LDs of the MLD on its port 1,
     *         {@code emu:switch0/port1/ld0} and {@code ld1}, reached through it by tunnel
     * @since 1.1
     */
    public static Transport createSwitch() {
        return new EmulatorTransport(SwitchFabric.devices(SCHEME, System::nanoTime));
    }

    /**
     * @param profiles emulation profiles, UTF-8 JSON; may be empty
     * @return a transport offering only the devices of the profiles
     * @throws IllegalArgumentException if a profile is not valid, or two profiles declare one address
     */
    public static Transport createProfilesOnly(List<byte[]> profiles) {
        return build(Map.of(), profiles);
    }

    /**
     * Checks a profile as the emulator does before it adds its devices.
     *
     * @param profile an emulation profile, UTF-8 JSON
     * @throws IllegalArgumentException if it is not valid; the message names the place and the problem,
     *         e.g. {@code devices[0].opcodes[1].effects[0]: unknown effect 'fast'}
     */
    public static void check(byte[] profile) {
        parse(profile, -1);
    }

    private static Transport build(Map<String, EmulatedDevice> standard, List<byte[]> profiles) {
        Map<String, EmulatedDevice> devices = new HashMap<>(standard);
        for (int i = 0; i < profiles.size(); i++) {
            for (Profile.Device spec : parse(profiles.get(i), i).devices()) {
                if (devices.containsKey(spec.address())) {
                    throw new IllegalArgumentException("profile " + i + ": device " + SCHEME + ":" + spec.address()
                            + " is declared, but that address is already in use");
                }
                devices.put(spec.address(), ProfileExtender.build(spec, System::nanoTime));
            }
        }
        return new EmulatorTransport(devices);
    }

    private static Profile parse(byte[] profile, int index) {
        try {
            return ProfileParser.parse(profile);
        } catch (ProfileException e) {
            throw new IllegalArgumentException((index < 0 ? "" : "profile " + index + ": ") + e.getMessage(), e);
        }
    }
}
