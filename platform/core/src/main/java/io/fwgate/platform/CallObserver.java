package io.fwgate.platform;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told about every call the gate judged, after its records are durable: for metrics and forwarding.
 * Registered as a service (whiteboard). Called on the calling thread: implementations must be quick,
 * must not block and must not throw (a throwing observer is ignored for that event).
 */
@ConsumerType
public interface CallObserver {
    /**
     * @param event what happened
     */
    void observed(CallEvent event);
}
