package dev.atrium.guardrail.application.port.out;

import dev.atrium.guardrail.domain.SpendWindows;
import dev.atrium.guardrail.domain.UsageEntry;
import dev.atrium.guardrail.domain.WindowSums;

public interface UsageRepository {

    /** Charges the generation to its key; false when this generation was charged before. */
    boolean add(UsageEntry entry);

    WindowSums sums(String keyId, SpendWindows windows, boolean includeByok);
}
