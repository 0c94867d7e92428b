package dev.atrium.gateway.application.port.out;

import dev.atrium.billing.api.CreditTotals;
import dev.atrium.billing.api.GenerationView;
import dev.atrium.billing.api.WorkspaceActivity;
import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
import java.util.Optional;

/** What a key may read about itself from billing: its generations, credits and activity (its spend: {@link KeySpendReader}). */
public interface AccountReader {

    Uni<Optional<GenerationView>> generation(String generationId);

    Uni<CreditTotals> credits(String organizationId);

    /** {@code from} inclusive, {@code to} exclusive, UTC days. */
    Uni<WorkspaceActivity> activity(String organizationId, String workspaceId, LocalDate from, LocalDate to);
}
