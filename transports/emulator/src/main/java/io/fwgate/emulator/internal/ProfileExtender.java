package io.fwgate.emulator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.util.tracker.BundleTrackerCustomizer;

import io.fwgate.api.DeviceId;

/**
 * The emulation profile extender: reads the profiles a starting or active bundle lists in its
 * {@value #HEADER} header, as data, through {@link Bundle#getEntry} (which loads no class of the
 * bundle), and adds the devices they declare to the {@code emu} transport; when the bundle stops, its
 * devices go. A profile that cannot be read or is not valid is ignored as a whole, and a device whose
 * address is taken is ignored; each is reported by one line to the log. No exception escapes.
 */
public final class ProfileExtender implements BundleTrackerCustomizer<List<ProfileExtender.Added>> {
    /** Manifest header listing a bundle's emulation profile resources, comma separated. */
    static final String HEADER = "Fwgate-Emulator-Profiles";
    /** A profile resource larger than this is refused unread. */
    static final int MAX_PROFILE_BYTES = 1 << 20;

    /** A device this extender added, to remove exactly it when its bundle stops. */
    record Added(String address, EmulatedDevice device) {
    }

    private final EmulatorTransport transport;
    private final LongSupplier nanos;
    private final Consumer<String> log;

    /**
     * @param transport where the devices go
     * @param nanos the devices' time source
     * @param log where refusals are reported, one line each
     */
    ProfileExtender(EmulatorTransport transport, LongSupplier nanos, Consumer<String> log) {
        this.transport = transport;
        this.nanos = nanos;
        this.log = log;
    }

    @Override
    public List<Added> addingBundle(Bundle bundle, BundleEvent event) {
        String header = bundle.getHeaders("").get(HEADER);
        if (header == null || header.isBlank()) {
            return null;
        }
        List<Added> added = new ArrayList<>();
        for (String part : header.split(",")) {
            String resource = part.trim();
            if (resource.isEmpty()) {
                continue;
            }
            try {
                addAll(bundle, resource, ProfileParser.parse(read(bundle, resource)), added);
            } catch (ProfileException e) {
                log.accept(prefix(bundle, resource) + "ignored: " + e.getMessage());
            } catch (RuntimeException e) {
                log.accept(prefix(bundle, resource) + "ignored after an internal error: " + e);
            }
        }
        return added;
    }

    private void addAll(Bundle bundle, String resource, Profile profile, List<Added> added) {
        for (Profile.Device spec : profile.devices()) {
            EmulatedDevice device = build(spec, nanos);
            if (transport.add(spec.address(), device)) {
                added.add(new Added(spec.address(), device));
            } else {
                log.accept(prefix(bundle, resource) + "device emu:" + spec.address()
                        + " ignored: the address is already in use");
            }
        }
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, List<Added> added) {
        // profiles are read once per start; an update stops and restarts the bundle
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, List<Added> added) {
        added.forEach(device -> transport.remove(device.address(), device.device()));
    }

    private static String prefix(Bundle bundle, String resource) {
        return "fwgate emulator: profile " + bundle.getSymbolicName() + "!/" + resource + ": ";
    }

    private static byte[] read(Bundle bundle, String resource) throws ProfileException {
        URL entry = bundle.getEntry(resource);
        if (entry == null) {
            throw new ProfileException("", "the resource is not in the bundle");
        }
        byte[] bytes;
        try (InputStream in = entry.openStream()) {
            bytes = in.readNBytes(MAX_PROFILE_BYTES + 1);
        } catch (IOException e) {
            throw new ProfileException("", "cannot be read: " + e.getMessage());
        }
        if (bytes.length > MAX_PROFILE_BYTES) {
            throw new ProfileException("", "larger than 1 MiB");
        }
        return bytes;
    }

    /**
     * @param spec a profile device
     * @param nanos its time source
     * @return the device, built on the CXL type 3 or the NVMe model with the profile's vendor commands
     */
    public static EmulatedDevice build(Profile.Device spec, LongSupplier nanos) {
        DeviceId id = new DeviceId(EmulatorTransport.SCHEME, spec.address());
        Profile.Identity identity = spec.identity();
        VendorCommands vendor = new VendorCommands(spec.opcodes(), spec.state());
        if (spec.base() == Profile.Base.NVME_CONTROLLER) {
            NvmeIdentity nvme = new NvmeIdentity(identity.vendorId(), identity.vendorId(), identity.deviceId(),
                    identity.serial(), identity.description(), identity.firmware());
            return new NvmeController(id, nvme, List.of(vendor.nvme()), nanos);
        }
        InfoStatCommands.Identity cxl = new InfoStatCommands.Identity(identity.vendorId(), identity.deviceId(),
                identity.vendorId(), identity.deviceId(), identity.serialNumber(), InfoStatCommands.COMPONENT_TYPE_3);
        return new CxlType3Device(id, new CxlType3Device.Model(cxl, identity.serial(), identity.description(),
                identity.firmware()), List.of(vendor.cxl()), nanos);
    }
}
