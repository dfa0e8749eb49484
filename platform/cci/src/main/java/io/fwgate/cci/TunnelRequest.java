package io.fwgate.cci;

/**
 * A parsed Tunnel Management Command request: where it goes and the message it carries. Immutable.
 *
 * @param target the port or LD the command names
 * @param inner the CCI message to deliver there
 */
public record TunnelRequest(TunnelHop target, CciMessage inner) {
}
