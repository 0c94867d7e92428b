package dev.atrium.billing.application.service;

import dev.atrium.billing.application.port.in.FindGenerationQuery;
import dev.atrium.billing.application.port.in.FindWorkspaceQuery;
import dev.atrium.billing.application.port.in.ProduceStatementQuery;
import dev.atrium.billing.application.port.in.ReportActivityQuery;
import dev.atrium.billing.application.port.in.ReportUsageQuery;
import dev.atrium.billing.application.port.out.GenerationRepository;
import dev.atrium.billing.application.port.out.WorkspaceDirectory;
import dev.atrium.billing.domain.ActivityLine;
import dev.atrium.billing.domain.Generation;
import dev.atrium.billing.domain.KnownWorkspace;
import dev.atrium.billing.domain.Statement;
import dev.atrium.billing.domain.UsageReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ReportingService implements FindGenerationQuery, ReportUsageQuery, FindWorkspaceQuery,
        ProduceStatementQuery, ReportActivityQuery {

    private final GenerationRepository generations;
    private final WorkspaceDirectory workspaces;
    private final Clock clock;

    public ReportingService(GenerationRepository generations, WorkspaceDirectory workspaces, Clock clock) {
        this.generations = generations;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Optional<Generation> generation(String id) {
        return generations.find(id);
    }

    @Override
    @Transactional
    public UsageReport report(UsageReportRequest r) {
        return UsageReport.of(r.scope().organizationId(), r.period(), r.grouping(),
                generations.usage(r.scope(), r.period(), r.grouping()));
    }

    @Override
    @Transactional
    public Optional<KnownWorkspace> workspace(String workspaceId) {
        return workspaces.workspace(workspaceId);
    }

    @Override
    @Transactional
    public Statement statement(StatementRequest r) {
        return Statement.of(r.scope(), r.month(),
                generations.statementLines(r.scope(), Statement.period(r.month())), clock.instant());
    }

    @Override
    @Transactional
    public List<ActivityLine> activity(ActivityRequest request) {
        return generations.activity(request.scope(), request.period());
    }
}
