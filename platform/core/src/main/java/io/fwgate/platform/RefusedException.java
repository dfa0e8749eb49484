package io.fwgate.platform;

import io.fwgate.api.Level;
import io.fwgate.api.Reach;

/** The gate refused a call. Carries what was needed and what the caller has. */
public class RefusedException extends CallException {
    private static final long serialVersionUID = 1L;
    private final Level neededLevel;
    private final Reach neededReach;
    private final Level grantedLevel;
    private final Reach grantedReach;

    /**
     * @param message why, naming the level or reach needed and granted
     * @param neededLevel the level the command needs
     * @param neededReach the reach the command needs
     * @param grantedLevel the caller's level
     * @param grantedReach the caller's reach
     */
    public RefusedException(String message, Level neededLevel, Reach neededReach, Level grantedLevel,
            Reach grantedReach) {
        super(Kind.REFUSED, message);
        this.neededLevel = neededLevel;
        this.neededReach = neededReach;
        this.grantedLevel = grantedLevel;
        this.grantedReach = grantedReach;
    }

    public Level neededLevel() {
        return neededLevel;
    }

    public Reach neededReach() {
        return neededReach;
    }

    public Level grantedLevel() {
        return grantedLevel;
    }

    public Reach grantedReach() {
        return grantedReach;
    }
}
