package io.fwgate.platform;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import io.fwgate.api.DeviceId;
import io.fwgate.api.DeviceInfo;

/**
 * The platform as its front ends see it. Registered as a service by the platform; thread-safe.
 * Every call goes encode, gate, transport, decode, audit; nothing here trusts the caller beyond the
 * {@link Caller} the front end established.
 */
@ProviderType
public interface Gateway {
    /** @return the devices known now, sorted by id */
    List<DeviceInfo> devices();

    /**
     * @param device a device id
     * @return the commands callable on that device, with the level each needs there
     * @throws CallException of kind {@link CallException.Kind#BAD_REQUEST} if the device is unknown
     */
    List<CommandView> commands(DeviceId device) throws CallException;

    /**
     * Runs one command for a caller. Returns only after the result's audit record is durable.
     *
     * @param caller who asks, as established by the front end (kernel credentials)
     * @param request what to run
     * @return the device's answer, successful or with a failure status
     * @throws CallException if the request is bad, refused by the gate, not delivered, or could not be
     *         audited
     */
    CallResult call(Caller caller, CallRequest request) throws CallException;

    /**
     * Asks a device how its background operation is going (CXL: Background Operation Status; NVMe: the
     * Sanitize Status log). The question is itself a telemetry call: gated and audited.
     *
     * @param caller who asks
     * @param device the device
     * @return the progress the device reports
     * @throws CallException as {@link #call}; BAD_REQUEST if the device kind has no background status
     */
    BackgroundProgress progress(Caller caller, DeviceId device) throws CallException;

    /** @return every plugin bundle the platform has seen, active or refused */
    List<PluginView> plugins();

    /**
     * @param caller who asks
     * @return taint, role and the caller's grant
     */
    StatusView status(Caller caller);

    /** @return the audit log */
    AuditTrail audit();
}
