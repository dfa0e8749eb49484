package io.fwgate.core.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import io.fwgate.api.DeviceId;

/**
 * One fair lock per device: a mailbox runs one command at a time, so calls to one device are
 * serialized in arrival order while calls to different devices run in parallel.
 */
final class DeviceLocks {
    private final ConcurrentHashMap<DeviceId, ReentrantLock> locks = new ConcurrentHashMap<>();

    ReentrantLock of(DeviceId device) {
        return locks.computeIfAbsent(device, d -> new ReentrantLock(true));
    }
}
