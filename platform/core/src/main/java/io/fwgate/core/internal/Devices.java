package io.fwgate.core.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;
import io.fwgate.api.DeviceKind;
import io.fwgate.api.spi.Transport;

/**
 * The devices of all registered transports, their per-device locks, and the effects each device reports,
 * read once per device (under its lock, as any other command) and cached.
 */
final class Devices {
    /** A device with the transport that reaches it. */
    record Reached(DeviceInfo info, Transport transport) {
    }

    /** How long a device may take to answer one command, unless configured otherwise. */
    static final java.time.Duration DEFAULT_TIMEOUT = java.time.Duration.ofSeconds(60);

    private final Supplier<List<Transport>> transports;
    private final DeviceLocks locks = new DeviceLocks();
    private final ConcurrentHashMap<DeviceId, DeviceEffects> effects = new ConcurrentHashMap<>();
    private final BoundedSender sender;
    /** Devices found so far, so a call does not list a transport's devices; a stale entry fails as gone. */
    private final ConcurrentHashMap<DeviceId, Reached> index = new ConcurrentHashMap<>();

    Devices(Supplier<List<Transport>> transports) {
        this(transports, DEFAULT_TIMEOUT);
    }

    Devices(Supplier<List<Transport>> transports, java.time.Duration timeout) {
        this(transports, timeout, transport -> false);
    }

    /**
     * @param transports the transports registered now
     * @param timeout how long one command may take
     * @param boundedBySelf transports that bound their own waiting (kernel timeouts, in-memory devices): they
     *        are called on the caller's thread, without the hand-off the deadline needs
     */
    Devices(Supplier<List<Transport>> transports, java.time.Duration timeout,
            java.util.function.Predicate<Transport> boundedBySelf) {
        this.transports = transports;
        this.sender = new BoundedSender(timeout, boundedBySelf);
    }

    /**
     * Sends one request, bounded in time. The caller must hold the device's lock.
     *
     * @throws IOException if not delivered, not answered in time, or the device is quarantined
     */
    io.fwgate.api.spi.DeviceResponse send(Reached device, io.fwgate.api.spi.DeviceRequest request) throws IOException {
        try {
            return sender.send(device.transport(), device.info().id(), request);
        } catch (io.fwgate.api.spi.DeviceGoneException e) {
            forget(device.info().id()); // a device that comes back under this id is found, and read, anew
            throw e;
        }
    }

    /** Drops what is known of a device that is gone: its index entry and its cached effects. */
    void forget(DeviceId id) {
        index.remove(id);
        effects.remove(id);
    }

    /** @return how long one command may take */
    java.time.Duration timeout() {
        return sender.timeout();
    }

    void close() {
        sender.close();
    }

    /**
     * Lists every device, and forgets what is known of an indexed device its transport no longer lists as
     * it was (removed, or another device at its id): the next call finds and reads it anew.
     *
     * @return every device reachable now, sorted by id; a transport whose discovery fails is skipped
     */
    List<DeviceInfo> all() {
        List<DeviceInfo> all = new ArrayList<>();
        for (Transport transport : transports.get()) {
            try {
                List<DeviceInfo> listed = transport.devices();
                all.addAll(listed);
                forgetUnlisted(transport, listed);
            } catch (IOException | RuntimeException e) {
                // one broken transport must not hide the others' devices
            }
        }
        all.sort(Comparator.comparing(d -> d.id().toString()));
        return all;
    }

    private void forgetUnlisted(Transport transport, List<DeviceInfo> listed) {
        java.util.Set<DeviceInfo> now = new java.util.HashSet<>(listed);
        for (Reached known : index.values()) {
            if (known.transport() == transport && !now.contains(known.info())) {
                forget(known.info().id());
            }
        }
    }

    /**
     * @param id a device id
     * @return the device and its transport, if some transport reaches it now
     */
    Optional<Reached> find(DeviceId id) {
        Reached known = index.get(id);
        if (known != null && transports.get().contains(known.transport())) {
            return Optional.of(known);
        }
        Optional<Reached> found = lookUp(id);
        found.ifPresentOrElse(reached -> index.put(id, reached), () -> index.remove(id));
        return found;
    }

    private Optional<Reached> lookUp(DeviceId id) {
        for (Transport transport : transports.get()) {
            if (!transport.scheme().equals(id.transport())) {
                continue;
            }
            try {
                for (DeviceInfo info : transport.devices()) {
                    if (info.id().equals(id)) {
                        return Optional.of(new Reached(info, transport));
                    }
                }
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    ReentrantLock lock(DeviceId id) {
        return locks.of(id);
    }

    /**
     * The effects the device reports, read on first use. The caller must hold the device's lock.
     *
     * @param device the device and its transport
     * @return the reported effects, or none with the reason
     */
    DeviceEffects effectsOf(Reached device) {
        return effects.computeIfAbsent(device.info().id(), id -> read(device));
    }

    private DeviceEffects read(Reached device) {
        DeviceKind kind = device.info().kind();
        Transport bounded = bounded(device);
        if (kind == DeviceKind.CXL_MEMORY_DEVICE || kind == DeviceKind.CXL_SWITCH) {
            return CelReader.read(bounded, device.info().id());
        }
        if (kind == DeviceKind.NVME_CONTROLLER) {
            return NvmeEffectsReader.read(bounded, device.info().id());
        }
        return DeviceEffects.none("devices of kind " + kind.id() + " report no effects log yet");
    }

    /** The device's transport, with every send bounded in time. */
    private Transport bounded(Reached device) {
        return new Transport() {
            @Override
            public String scheme() {
                return device.transport().scheme();
            }

            @Override
            public List<DeviceInfo> devices() throws IOException {
                return device.transport().devices();
            }

            @Override
            public io.fwgate.api.spi.DeviceResponse send(DeviceId id, io.fwgate.api.spi.DeviceRequest request)
                    throws IOException {
                return sender.send(device.transport(), id, request);
            }
        };
    }
}
