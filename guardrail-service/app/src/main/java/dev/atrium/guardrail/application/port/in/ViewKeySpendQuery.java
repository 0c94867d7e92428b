package dev.atrium.guardrail.application.port.in;

import dev.atrium.guardrail.domain.budget.KeySpend;
import java.util.Collection;
import java.util.List;

public interface ViewKeySpendQuery {

    /** The key's spend now; zero for a key that has spent nothing or that we do not know yet. */
    KeySpend spend(String keyId);

    /**
     * The spend of each of {@code keyIds} that belongs to the workspace, in one read; a key the guardrail does
     * not know in that workspace (not issued there, or not learnt yet) is left out.
     */
    List<KeySpend> spend(String workspaceId, Collection<String> keyIds);
}
