package dev.atrium.billing.application.service;

import dev.atrium.billing.application.port.in.FindGenerationQuery;
import dev.atrium.billing.application.port.in.ReportUsageQuery;
import dev.atrium.billing.application.port.out.GenerationRepository;
import dev.atrium.billing.domain.Generation;
import dev.atrium.billing.domain.UsageReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

@ApplicationScoped
public class ReportingService implements FindGenerationQuery, ReportUsageQuery {

    private final GenerationRepository generations;

    public ReportingService(GenerationRepository generations) {
        this.generations = generations;
    }

    @Override
    @Transactional
    public Optional<Generation> generation(String id) {
        return generations.find(id);
    }

    @Override
    @Transactional
    public UsageReport report(UsageReportRequest r) {
        return UsageReport.of(r.organizationId(), r.period(), r.grouping(),
                generations.usage(r.organizationId(), r.period(), r.grouping()));
    }
}
