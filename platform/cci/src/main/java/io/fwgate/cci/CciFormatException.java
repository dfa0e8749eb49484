package io.fwgate.cci;

import java.io.IOException;

/**
 * Bytes that should be a CCI message or a tunnel are not: too short, a length field that disagrees with
 * the bytes that arrived, a wrong category, or an answer to another command. The message names the
 * field, its offset and the nesting level where the problem is.
 */
public class CciFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and where
     */
    public CciFormatException(String message) {
        super(message);
    }
}
