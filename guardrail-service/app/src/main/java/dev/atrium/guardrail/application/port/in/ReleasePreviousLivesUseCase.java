package dev.atrium.guardrail.application.port.in;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.guardrail.domain.budget.Holder;

public interface ReleasePreviousLivesUseCase {

    /**
     * Gives back every hold the holder's instance took in another life than {@code holder.life()}: an
     * instance asks at start, when its earlier lives have ended. Returns how many were still held.
     */
    int releasePreviousLives(Holder holder);

    /** A holder as a caller names it, checked; {@code prefix} comes before its fields' names in errors. */
    static Holder holder(String prefix, dev.atrium.guardrail.api.Holder holder) {
        if (holder == null) {
            throw new InvalidFieldException(prefix + "instance", prefix + "instance is required");
        }
        return new Holder(InvalidFieldException.requireText(prefix + "instance", holder.instance(), Holder.MAX_INSTANCE),
                InvalidFieldException.requireText(prefix + "life", holder.life(), Holder.MAX_LIFE));
    }
}
