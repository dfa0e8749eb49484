package io.fwgate.deployer.internal;

/** A trust store, vetted set, deny list or dev policy file that cannot be used; the message names the file. */
final class InvalidConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidConfigException(String message) {
        super(message);
    }

    InvalidConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
