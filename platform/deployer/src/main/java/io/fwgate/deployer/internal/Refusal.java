package io.fwgate.deployer.internal;

import java.util.Objects;
import java.util.Optional;

/**
 * A bundle the deployer will not run, with the reason, a sentence naming the problem, and the bundle's
 * headers when they were read before the problem was found.
 */
final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;
    private final Reason reason;
    private final transient BundleHeaders headers;

    /**
     * @param reason why
     * @param detail a sentence naming the problem (the entry, the certificate, the command)
     */
    Refusal(Reason reason, String detail) {
        this(reason, detail, null);
    }

    /**
     * @param reason why
     * @param detail a sentence naming the problem
     * @param headers the bundle's headers, or null if not known
     */
    Refusal(Reason reason, String detail, BundleHeaders headers) {
        super(detail);
        this.reason = Objects.requireNonNull(reason);
        this.headers = headers;
    }

    /** @return this refusal, naming the bundle it is about */
    Refusal about(BundleHeaders bundle) {
        return headers != null ? this : new Refusal(reason, getMessage(), bundle);
    }

    Reason reason() {
        return reason;
    }

    String detail() {
        return getMessage();
    }

    Optional<BundleHeaders> headers() {
        return Optional.ofNullable(headers);
    }
}
