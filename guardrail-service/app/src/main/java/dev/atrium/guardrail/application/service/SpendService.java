package dev.atrium.guardrail.application.service;

import dev.atrium.guardrail.application.port.in.RecordUsageUseCase;
import dev.atrium.guardrail.application.port.in.ViewKeySpendQuery;
import dev.atrium.guardrail.application.port.out.TenancyRepository;
import dev.atrium.guardrail.application.port.out.UsageRepository;
import dev.atrium.guardrail.domain.KeySpend;
import dev.atrium.guardrail.domain.KnownKey;
import dev.atrium.guardrail.domain.SpendWindows;
import dev.atrium.guardrail.domain.WindowSums;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

@ApplicationScoped
public class SpendService implements RecordUsageUseCase, ViewKeySpendQuery {

    private final UsageRepository usage;
    private final TenancyRepository tenancy;
    private final Clock clock;

    public SpendService(UsageRepository usage, TenancyRepository tenancy, Clock clock) {
        this.usage = usage;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @Override
    @Transactional
    public boolean record(RecordUsageCommand command) {
        return usage.add(command.entry());
    }

    @Override
    @Transactional
    public KeySpend spend(String keyId) {
        SpendWindows windows = SpendWindows.at(clock.instant());
        KnownKey key = tenancy.findKey(keyId).orElse(null);
        WindowSums all = usage.sums(keyId, windows, true);
        boolean byokCounts = key == null || key.limit() == null || key.includeByokInLimit();
        WindowSums withoutByok = byokCounts ? all : usage.sums(keyId, windows, false);
        return KeySpend.of(keyId, all, withoutByok, key);
    }
}
