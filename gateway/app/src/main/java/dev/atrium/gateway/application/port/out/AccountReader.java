package dev.atrium.gateway.application.port.out;

import dev.atrium.billing.api.GenerationView;
import dev.atrium.guardrail.api.KeySpend;
import io.smallrye.mutiny.Uni;
import java.util.Optional;

/** What a key may read about itself: its spend (guardrail) and its generations (billing). */
public interface AccountReader {

    Uni<KeySpend> spend(String keyId);

    Uni<Optional<GenerationView>> generation(String generationId);
}
