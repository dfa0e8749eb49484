package io.fwgate.cci;

import java.io.IOException;

/**
 * A tunnel did not reach its target: a Tunnel Management Command on the way answered a failure, so the
 * inner command was never run. Delivery failed; the inner command's own failures are return codes of
 * its answer, not this exception.
 */
public class TunnelFailedException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int hop;
    private final int returnCode;

    /**
     * @param message which tunnel, which hop and which return code
     * @param hop the hop whose CCI refused the tunnel: 0 for the CCI the request was sent to
     * @param returnCode the CCI return code that Tunnel Management Command answered
     */
    public TunnelFailedException(String message, int hop, int returnCode) {
        super(message);
        this.hop = hop;
        this.returnCode = returnCode;
    }

    /** @return the hop whose CCI refused the tunnel, 0 for the CCI the request was sent to */
    public int hop() {
        return hop;
    }

    /** @return the CCI return code of the refusing Tunnel Management Command */
    public int returnCode() {
        return returnCode;
    }
}
