package io.fwgate.linux.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.fwgate.api.DeviceId;
import io.fwgate.cci.CciChannel;
import io.fwgate.cci.Fabric;
import io.fwgate.cci.FabricScan;

/**
 * What is behind each switch among the configured MCTP endpoints, asked of the switch's FM API with the
 * same scan as the serial binding's ({@link FabricScan}) when first needed. A scan that met problems (a
 * switch or an MLD that did not answer) is repeated when asked again after {@value #RESCAN_SECONDS} s, so a
 * switch that comes up later is found without asking a dead one on every listing. Thread-safe: one scan at
 * a time.
 */
final class MctpFabrics {
    static final long RESCAN_SECONDS = 30;

    private record Scan(Fabric fabric, long atNanos) {
    }

    private final LongSupplier nanos;
    private final Map<DeviceId, Scan> scans = new HashMap<>();

    /** @param nanos a monotonic clock in nanoseconds */
    MctpFabrics(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /**
     * @param cxlSwitch the switch's endpoint id
     * @param fmApi sends FM API commands to the switch
     * @return what the last scan found, scanning first if there was none or it met problems a while ago
     */
    synchronized Fabric of(DeviceId cxlSwitch, CciChannel fmApi) {
        Scan last = scans.get(cxlSwitch);
        long now = nanos.getAsLong();
        boolean stale = last != null && !last.fabric().problems().isEmpty()
                && now - last.atNanos() >= TimeUnit.SECONDS.toNanos(RESCAN_SECONDS);
        if (last == null || stale) {
            last = new Scan(FabricScan.scan(cxlSwitch, fmApi), now);
            scans.put(cxlSwitch, last);
        }
        return last.fabric();
    }
}
