package dev.atrium.billing.application.service;

import dev.atrium.billing.application.port.in.FindGenerationQuery;
import dev.atrium.billing.application.port.in.FindWorkspaceQuery;
import dev.atrium.billing.application.port.in.ListGenerationsQuery;
import dev.atrium.billing.application.port.in.ProduceStatementQuery;
import dev.atrium.billing.application.port.in.ReportActivityQuery;
import dev.atrium.billing.application.port.in.ReportUsageQuery;
import dev.atrium.billing.application.port.out.GenerationRepository;
import dev.atrium.billing.application.port.out.WorkspaceDirectory;
import dev.atrium.billing.domain.ActivityLine;
import dev.atrium.billing.domain.Generation;
import dev.atrium.billing.domain.GenerationCursor;
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
        ProduceStatementQuery, ReportActivityQuery, ListGenerationsQuery {

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

    /** One row more than the page tells whether another page follows. */
    @Override
    @Transactional
    public GenerationPage list(GenerationLogRequest request) {
        List<Generation> rows = generations.log(request, request.limit() + 1);
        if (rows.size() <= request.limit()) {
            return new GenerationPage(rows, null);
        }
        List<Generation> page = rows.subList(0, request.limit());
        Generation last = page.get(page.size() - 1);
        return new GenerationPage(List.copyOf(page), new GenerationCursor(last.createdAt(), last.id()).encode());
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
