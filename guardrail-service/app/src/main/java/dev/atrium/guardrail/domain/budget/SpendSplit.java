package dev.atrium.guardrail.domain.budget;

import java.util.Objects;

/** A key's spend in every window: all of it, and the part its BYOK generations made (which {@code all} includes). */
public record SpendSplit(WindowSums all, WindowSums byok) {

    public static final SpendSplit ZERO = new SpendSplit(WindowSums.ZERO, WindowSums.ZERO);

    public SpendSplit {
        Objects.requireNonNull(all, "all");
        Objects.requireNonNull(byok, "byok");
    }

    public WindowSums withoutByok() {
        return all.minus(byok);
    }
}
