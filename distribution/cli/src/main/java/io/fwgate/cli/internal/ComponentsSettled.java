package io.fwgate.cli.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * Waits until Declarative Services has read the components of every started bundle, so a one-shot
 * command sees every transport, plugin and deployer the runtime starts with. SCR announces no "done";
 * it is asked, a bounded number of times: a component bundle that never settles is left out after the
 * deadline rather than hanging the command.
 */
final class ComponentsSettled {
    private static final long STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private ComponentsSettled() {
    }

    static void await(BundleContext context, ServiceComponentRuntime scr, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!settled(context, scr) && System.nanoTime() < end) {
            LockSupport.parkNanos(STEP_NANOS);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    private static boolean settled(BundleContext context, ServiceComponentRuntime scr) {
        for (Bundle bundle : context.getBundles()) {
            boolean started = bundle.getState() == Bundle.ACTIVE;
            String components = bundle.getHeaders("").get("Service-Component");
            if (started && components != null && !components.isBlank()
                    && scr.getComponentDescriptionDTOs(bundle).isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
