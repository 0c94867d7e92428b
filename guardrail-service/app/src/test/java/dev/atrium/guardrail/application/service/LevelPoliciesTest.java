package dev.atrium.guardrail.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.guardrail.application.port.in.LearnTenancyUseCase.KeyLearned;
import dev.atrium.guardrail.application.port.in.SetPolicyUseCase.SetPolicyCommand;
import dev.atrium.guardrail.domain.tenancy.KnownKey;
import dev.atrium.workspace.api.LimitReset;
import dev.atrium.guardrail.domain.policy.PolicyDocument;
import dev.atrium.guardrail.domain.policy.PolicyScope;
import dev.atrium.guardrail.domain.policy.StoredPolicy;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An instance keeps the keys and policies it read for a second, or for a minute while its listener confirms that
 * no change went unheard; a change through it ends them at its commit, one elsewhere when it is heard.
 */
class LevelPoliciesTest {

    private static final long MS = 1_000_000;

    private final CountingStores store = new CountingStores();
    /** The actions waiting for the current transaction's end; {@link #commit()} runs them. */
    private final List<Runnable> afterTransaction = new ArrayList<>();
    private long nanos;
    private final LevelPolicies levels = new LevelPolicies(store, store, afterTransaction::add, () -> nanos,
            LevelPolicies.KEPT_FOR);
    private final PolicyService policies = new PolicyService(store, store, levels, Clock.systemUTC());
    private final TenancyService tenancy = new TenancyService(store, store, levels, new InMemoryLedger(), Clock.systemUTC());

    @Test
    void withinASecondTheKeyAndThePoliciesAreReadOnce() {
        store.keys.put("key_1", key("5"));

        for (int i = 0; i < 5; i++) {
            assertThat(levels.key("key_1").limit()).isEqualByComparingTo("5");
            assertThat(levels.stored("org_1", "ws_1", "u", "key_1")).hasSize(4);
            nanos += 100 * MS;
        }

        assertThat(store.keyReads).isEqualTo(1);
        assertThat(store.policyReads).isEqualTo(1);
    }

    @Test
    void afterASecondTheyAreReadAgain() {
        levels.stored("org_1", "ws_1", null, "key_1");
        nanos += 999 * MS;
        levels.stored("org_1", "ws_1", null, "key_1");
        nanos += MS;
        levels.stored("org_1", "ws_1", null, "key_1");

        assertThat(store.policyReads).isEqualTo(2);
    }

    @Test
    void aPolicyWrittenHereAppliesFromItsCommitOn() {
        assertThat(allowedModels()).isNull();

        policies.set(SetPolicyCommand.workspace("org_1", "ws_1",
                new PolicyDocument(List.of("openai/*"), null, null, null, null, null), "ops"));
        assertThat(allowedModels()).as("kept until the change commits").isNull();
        commit();

        assertThat(allowedModels()).containsExactly("openai/*");
        assertThat(store.policyReads).isEqualTo(2);
    }

    @Test
    void aReadThatBeganBeforeTheCommitIsNotKeptPastIt() {
        store.afterPolicyRead = () -> {
            store.afterPolicyRead = () -> { };
            policies.set(SetPolicyCommand.workspace("org_1", "ws_1",
                    new PolicyDocument(List.of("openai/*"), null, null, null, null, null), "ops"));
            commit();
        };

        assertThat(allowedModels()).as("read before the change").isNull();

        assertThat(allowedModels()).containsExactly("openai/*");
    }

    @Test
    void aKeyLearnedHereAppliesFromItsCommitOn() {
        store.keys.put("key_1", key("5"));
        levels.key("key_1");

        tenancy.learn(new KeyLearned("evt_1", "key.updated", key("1")));
        commit();

        assertThat(levels.key("key_1").limit()).isEqualByComparingTo("1");
    }

    @Test
    void aKeyChangeAnotherInstanceLearnedAppliesHereWhenItsCommitIsHeardTighterOrLooser() {
        store.keys.put("key_1", key("1"));
        assertThat(levels.key("key_1").limit()).isEqualByComparingTo("1");
        // Another instance on the same database learns the event (its Kafka partition went there); its notice
        // reaches this instance when its transaction commits, not a second later.
        List<Runnable> itsTransaction = new ArrayList<>();
        LevelPolicies there = new LevelPolicies(store, store, itsTransaction::add, () -> nanos, LevelPolicies.KEPT_FOR,
                null, () -> itsTransaction.add(levels::changedElsewhere));
        TenancyService learnsThere = new TenancyService(store, store, there, new InMemoryLedger(), Clock.systemUTC());

        learnsThere.learn(new KeyLearned("evt_1", "key.updated", key("0.000001")));
        nanos += MS;
        assertThat(levels.key("key_1").limit()).as("kept until the other instance commits").isEqualByComparingTo("1");
        commit(itsTransaction);
        assertThat(levels.key("key_1").limit()).as("tightened").isEqualByComparingTo("0.000001");

        learnsThere.learn(new KeyLearned("evt_2", "key.updated",
                new KnownKey("key_1", "ws_1", "org_1", "u", null, null, false)));
        nanos += MS;
        commit(itsTransaction);
        assertThat(levels.key("key_1").limit()).as("cleared").isNull();
        assertThat(store.keyReads).isEqualTo(3);
    }

    @Test
    void whileEveryChangeIsHeardTheyAreKeptForAMinuteAndAHeardChangeStillEndsThem() {
        store.keys.put("key_1", key("5"));
        levels.heardAllBefore(nanos);

        for (int i = 0; i < 120; i++) {
            assertThat(levels.key("key_1").limit()).isEqualByComparingTo("5");
            levels.stored("org_1", "ws_1", "u", "key_1");
            nanos += 250 * MS;
            levels.heardAllBefore(nanos);
        }
        assertThat(store.keyReads).as("read once in 30 s of confirmations").isEqualTo(1);
        assertThat(store.policyReads).isEqualTo(1);

        store.keys.put("key_1", key("1"));
        levels.changedElsewhere();
        assertThat(levels.key("key_1").limit()).as("a change heard ends it at once").isEqualByComparingTo("1");
        nanos += 60_000 * MS;
        levels.heardAllBefore(nanos);
        levels.key("key_1");
        assertThat(store.keyReads).as("and a minute bounds what is kept").isEqualTo(3);
    }

    @Test
    void aSecondAfterTheNewestConfirmationWhatWasKeptIsReadAgainAndKeptForASecond() {
        store.keys.put("key_1", key("5"));
        levels.heardAllBefore(nanos);
        levels.key("key_1");
        levels.stored("org_1", "ws_1", "u", "key_1");
        // The listener's connection stops answering: a change committed now is not heard.
        store.keys.put("key_1", key("1"));
        nanos += 1_000 * MS;
        assertThat(levels.key("key_1").limit()).as("within the second of the last confirmation")
                .isEqualByComparingTo("5");
        nanos += MS;
        assertThat(levels.key("key_1").limit()).as("past it").isEqualByComparingTo("1");
        levels.stored("org_1", "ws_1", "u", "key_1");
        assertThat(store.keyReads).isEqualTo(2);
        assertThat(store.policyReads).isEqualTo(2);

        nanos += 700 * MS;
        levels.key("key_1");
        assertThat(store.keyReads).as("kept while unheard").isEqualTo(2);
        nanos += 300 * MS;
        levels.key("key_1");
        assertThat(store.keyReads).as("for a second").isEqualTo(3);

        // Listening again: everything is forgotten (notices were lost), then confirmations keep values longer.
        levels.changedElsewhere();
        levels.heardAllBefore(nanos);
        levels.key("key_1");
        nanos += 900 * MS;
        levels.heardAllBefore(nanos);
        nanos += 900 * MS;
        levels.key("key_1");
        assertThat(store.keyReads).isEqualTo(4);
    }

    @Test
    void aBusyKeysValuesAreReadAheadOffTheChecksAndAChangeDuringThatReadStillWins() {
        List<Runnable> ahead = new ArrayList<>();
        LevelPolicies busy = new LevelPolicies(store, store, afterTransaction::add, () -> nanos,
                LevelPolicies.KEPT_FOR, null, () -> { }, ahead::add);
        store.keys.put("key_1", key("5"));
        busy.key("key_1");
        busy.stored("org_1", "ws_1", "u", "key_1");
        nanos += 750 * MS;
        assertThat(busy.key("key_1").limit()).isEqualByComparingTo("5");
        busy.stored("org_1", "ws_1", "u", "key_1");
        assertThat(ahead).as("one read ahead each, not in the check").hasSize(2);
        assertThat(store.keyReads).isEqualTo(1);
        ahead.forEach(Runnable::run);
        ahead.clear();
        nanos += 900 * MS;
        assertThat(busy.key("key_1").limit()).as("kept a second from the read ahead").isEqualByComparingTo("5");
        busy.stored("org_1", "ws_1", "u", "key_1");
        assertThat(store.keyReads).isEqualTo(2);
        assertThat(store.policyReads).isEqualTo(2);

        // Due again; the key changes while the read ahead waits: what it read is not kept past the change.
        assertThat(ahead).hasSize(2);
        store.keys.put("key_1", key("1"));
        busy.changedElsewhere();
        store.keys.put("key_1", key("5"));
        ahead.forEach(Runnable::run);
        store.keys.put("key_1", key("1"));
        assertThat(busy.key("key_1").limit()).isEqualByComparingTo("1");
    }

    @Test
    void theTestConstructorReadsEveryTime() {
        LevelPolicies reading = new LevelPolicies(store, store);
        reading.stored("org_1", "ws_1", null, null);
        reading.stored("org_1", "ws_1", null, null);

        assertThat(store.policyReads).isEqualTo(2);
    }

    private List<String> allowedModels() {
        StoredPolicy ws = levels.stored("org_1", "ws_1", null, null).get(1);
        return ws.document() == null ? null : ws.document().allowedModels();
    }

    private void commit() {
        commit(afterTransaction);
    }

    private static void commit(List<Runnable> transaction) {
        List<Runnable> actions = List.copyOf(transaction);
        transaction.clear();
        actions.forEach(Runnable::run);
    }

    private static KnownKey key(String limit) {
        return new KnownKey("key_1", "ws_1", "org_1", "u", new BigDecimal(limit), LimitReset.MONTHLY, false);
    }

    /** The in-memory stores, counting the reads a check makes. */
    static final class CountingStores extends InMemoryStores {

        int keyReads;
        int policyReads;
        /** Runs once the read has its rows, before it returns them: a change committing meanwhile. */
        Runnable afterPolicyRead = () -> { };

        @Override
        public Optional<KnownKey> findKey(String keyId) {
            keyReads++;
            return super.findKey(keyId);
        }

        @Override
        public Map<String, KnownKey> findKeys(Collection<String> keyIds) {
            keyReads++;
            return super.findKeys(keyIds);
        }

        @Override
        public List<StoredPolicy> findAll(List<PolicyScope> scopes) {
            policyReads++;
            List<StoredPolicy> read = super.findAll(scopes);
            afterPolicyRead.run();
            return read;
        }
    }
}
