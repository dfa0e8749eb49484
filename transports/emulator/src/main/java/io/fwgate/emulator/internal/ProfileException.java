package io.fwgate.emulator.internal;

/** An emulation profile is not valid; the message names the place in the profile and the problem. */
public final class ProfileException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param location where in the profile, e.g. {@code devices[0].opcodes[1].effects}
     * @param problem what is wrong there
     */
    ProfileException(String location, String problem) {
        super(location.isEmpty() ? problem : location + ": " + problem);
    }
}
