package io.fwgate.tables;

/** A caller's argument does not fit the command's request layout; the message names the argument. */
public class InvalidArgumentException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidArgumentException(String message) {
        super(message);
    }
}
