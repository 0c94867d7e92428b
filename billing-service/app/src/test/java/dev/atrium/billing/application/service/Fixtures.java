package dev.atrium.billing.application.service;

import dev.atrium.billing.application.port.in.AddCreditsUseCase.AddCreditsCommand;
import dev.atrium.billing.application.port.in.RecordUsageUseCase.RecordUsageCommand;
import dev.atrium.billing.domain.LowBalanceThreshold;
import java.math.BigDecimal;
import java.time.Instant;

/** Commands as the adapters build them. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final LowBalanceThreshold THRESHOLD = new LowBalanceThreshold(new BigDecimal("5"));

    private Fixtures() {
    }

    static AddCreditsCommand topUp(String org, String key, String amount) {
        return AddCreditsCommand.of(org, key, new BigDecimal(amount), "USD", "top_up", "invoice 7", "admin-1");
    }

    static AddCreditsCommand grant(String org, String key, String amount) {
        return AddCreditsCommand.of(org, key, new BigDecimal(amount), "USD", "grant", null, "admin-1");
    }

    static RecordUsageCommand usage(String generationId, String org, String model, String cost) {
        return usage(generationId, org, "ws_1", "key_1", model, cost, NOW);
    }

    static RecordUsageCommand usage(String generationId, String org, String ws, String key, String model,
            String cost, Instant at) {
        return usage(generationId, org, ws, key, model, cost, false, at);
    }

    /** A generation the workspace's own provider key paid for. */
    static RecordUsageCommand byokUsage(String generationId, String org, String model, String cost) {
        return usage(generationId, org, "ws_1", "key_1", model, cost, true, NOW);
    }

    static RecordUsageCommand usage(String generationId, String org, String ws, String key, String model,
            String cost, boolean byok, Instant at) {
        return RecordUsageCommand.of(generationId, org, ws, key, "user-1", model, "openai", 120, 80,
                new BigDecimal(cost), byok, 640, "org:3,ws:7", at, NOW);
    }
}
