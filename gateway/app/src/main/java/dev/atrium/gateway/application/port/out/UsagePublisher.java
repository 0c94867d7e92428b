package dev.atrium.gateway.application.port.out;

import dev.atrium.gateway.api.ProviderAttempt;
import dev.atrium.gateway.api.UsageRecorded;

public interface UsagePublisher {

    /** One record per generation, keyed by organization. */
    void usageRecorded(UsageRecorded usage);

    void providerAttempted(ProviderAttempt attempt);
}
