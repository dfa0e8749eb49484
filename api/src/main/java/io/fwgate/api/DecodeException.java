package io.fwgate.api;

/** A response could not be decoded: too short, inconsistent, or otherwise not what the spec allows. */
public class DecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong with the response, naming the field and offset where possible
     */
    public DecodeException(String message) {
        super(message);
    }
}
