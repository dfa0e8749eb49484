package io.fwgate.emulator.internal;

import java.time.Duration;
import java.util.List;

import io.fwgate.api.Effect;

/**
 * Sanitize command set (44h): Sanitize (4400h). Starts a background operation that disables the media
 * for {@link #DURATION} and then erases the label storage area (the emulator holds no other user data).
 * It cannot be aborted: the device does not implement Request Abort Background Operation.
 */
final class SanitizeCommands implements CommandSet {
    static final int SANITIZE = 0x4400;
    /** How long a sanitize runs, on the injected clock. */
    static final Duration DURATION = Duration.ofSeconds(5);

    private final BackgroundOperation background;
    private final LsaCommands lsa;

    SanitizeCommands(BackgroundOperation background, LsaCommands lsa) {
        this.background = background;
        this.lsa = lsa;
    }

    @Override
    public List<Command> commands() {
        return List.of(Command.of(SANITIZE, "Sanitize", this::sanitize, Effect.DATA_CHANGE_IMMEDIATE,
                Effect.SECURITY_STATE_CHANGE, Effect.BACKGROUND_OPERATION));
    }

    private Answer sanitize(Input input) {
        if (input.length() != 0) {
            return Answer.of(CxlReturnCode.INVALID_PAYLOAD_LENGTH);
        }
        background.start(SANITIZE, DURATION, true, () -> {
            lsa.erase();
            return CxlReturnCode.SUCCESS;
        });
        return Answer.of(CxlReturnCode.BACKGROUND_COMMAND_STARTED);
    }
}
