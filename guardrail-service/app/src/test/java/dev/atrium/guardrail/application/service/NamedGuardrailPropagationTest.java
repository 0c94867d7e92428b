package dev.atrium.guardrail.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.guardrail.application.named.InMemoryNamedGuardrails;
import dev.atrium.guardrail.application.named.ManageNamedGuardrailsUseCase.BulkCommand;
import dev.atrium.guardrail.application.named.ManageNamedGuardrailsUseCase.CreateCommand;
import dev.atrium.guardrail.application.named.NamedGuardrailService;
import dev.atrium.guardrail.domain.named.GuardrailRules;
import dev.atrium.guardrail.domain.named.NamedGuardrail;
import dev.atrium.guardrail.domain.tenancy.KnownKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A guardrail change applies to checks at its commit on this instance, within a second on the others. */
class NamedGuardrailPropagationTest {

    private static final long MS = 1_000_000;

    private final InMemoryStores store = new InMemoryStores();
    private final InMemoryNamedGuardrails named = new InMemoryNamedGuardrails();
    private final List<Runnable> afterTransaction = new ArrayList<>();
    private long nanos;
    private final LevelPolicies here = new LevelPolicies(store, store, afterTransaction::add, () -> nanos,
            LevelPolicies.KEPT_FOR, named);
    private final NamedGuardrailService writesHere = new NamedGuardrailService(named, store, here, Clock.systemUTC());
    /** Another instance: same database, its own kept reads. */
    private final NamedGuardrailService writesElsewhere = new NamedGuardrailService(named, store,
            new LevelPolicies(store, store, named), Clock.systemUTC());

    {
        store.saveKey(new KnownKey("key_1", "ws_1", "org_1", "user_1", null, null, false));
    }

    @Test
    void anAssignmentMadeOnAnotherInstanceAppliesHereWithinASecond() {
        NamedGuardrail g = writesElsewhere.create(new CreateCommand("org_1", null, "G", null, GuardrailRules.NONE,
                "ops"));
        assertThat(applied()).isEmpty();

        writesElsewhere.assignKeys(new BulkCommand("org_1", g.id(), List.of("key_1"), "key_hashes", "ops"));
        nanos += 999 * MS;
        assertThat(applied()).as("kept for up to a second").isEmpty();
        nanos += MS;
        assertThat(applied()).containsExactly("G");
    }

    @Test
    void anAssignmentMadeHereAppliesFromItsCommitOn() {
        NamedGuardrail g = writesHere.create(new CreateCommand("org_1", null, "G", null, GuardrailRules.NONE, "ops"));
        assertThat(applied()).isEmpty();

        writesHere.assignKeys(new BulkCommand("org_1", g.id(), List.of("key_1"), "key_hashes", "ops"));
        assertThat(applied()).as("kept until the change commits").isEmpty();
        afterTransaction.forEach(Runnable::run);
        assertThat(applied()).containsExactly("G");

        writesHere.delete("org_1", g.id());
        afterTransaction.forEach(Runnable::run);
        assertThat(applied()).isEmpty();
    }

    private List<String> applied() {
        return here.applied("org_1", "ws_1", "user_1", "key_1").stream().map(a -> a.guardrail().name()).toList();
    }
}
