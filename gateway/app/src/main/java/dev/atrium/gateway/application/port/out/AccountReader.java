package dev.atrium.gateway.application.port.out;

import dev.atrium.billing.api.CreditTotals;
import dev.atrium.billing.api.GenerationView;
import dev.atrium.billing.api.WorkspaceActivity;
import dev.atrium.guardrail.api.KeySpend;
import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
import java.util.Optional;

/** What a key may read about itself: its spend (guardrail), its generations, credits and activity (billing). */
public interface AccountReader {

    Uni<KeySpend> spend(String keyId);

    Uni<Optional<GenerationView>> generation(String generationId);

    Uni<CreditTotals> credits(String organizationId);

    /** {@code from} inclusive, {@code to} exclusive, UTC days. */
    Uni<WorkspaceActivity> activity(String organizationId, String workspaceId, LocalDate from, LocalDate to);
}
