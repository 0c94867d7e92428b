package dev.atrium.guardrail.domain.policy;

import static dev.atrium.guardrail.domain.policy.Level.ORGANIZATION;
import static dev.atrium.guardrail.domain.policy.Level.WORKSPACE;
import static dev.atrium.guardrail.domain.policy.Policies.allowedDataRegions;
import static dev.atrium.guardrail.domain.policy.Policies.allowedModels;
import static dev.atrium.guardrail.domain.policy.Policies.allowedProviders;
import static dev.atrium.guardrail.domain.policy.Policies.dataPolicy;
import static dev.atrium.guardrail.domain.policy.Policies.ignoredModels;
import static dev.atrium.guardrail.domain.policy.Policies.ignoredProviders;
import static dev.atrium.guardrail.domain.policy.Policies.maxTokens;
import static dev.atrium.guardrail.domain.policy.Policies.merge;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyMergeTest {

    @Test
    void withoutPoliciesNothingIsRestrictedAndNothingDecided() {
        EffectivePolicy p = PolicyMerge.merge(List.of(new LevelPolicy(ORGANIZATION, PolicyDocument.EMPTY, 0),
                new LevelPolicy(WORKSPACE, PolicyDocument.EMPTY, 0)));
        assertThat(p.allowedModels().restricted()).isFalse();
        assertThat(p.ignoredModels()).isEmpty();
        assertThat(p.requiresZdr()).isFalse();
        assertThat(p.deniesDataCollection()).isFalse();
        assertThat(p.maxTokens()).isNull();
        assertThat(p.decidedBy()).isEmpty();
        assertThat(p.overridden()).isEmpty();
        assertThat(p.policyRevision()).isEqualTo("org:0,ws:0");
    }

    @Test
    void allowListsIntersectAndTheWiderWorkspaceRequestIsReportedAsOverridden() {
        EffectivePolicy p = merge(allowedModels("openai/*"), allowedModels("openai/gpt-4o", "anthropic/*"));
        assertThat(p.allowedModels().patterns()).containsExactly("openai/gpt-4o");
        assertThat(p.allowedModels().permits("openai/gpt-4o")).isTrue();
        assertThat(p.allowedModels().permits("openai/gpt-4o-mini")).isFalse();
        assertThat(p.decidedBy().get(PolicyDocument.ALLOWED_MODELS)).containsExactly(ORGANIZATION, WORKSPACE);
        assertThat(p.overridden()).containsExactly(new Overridden(PolicyDocument.ALLOWED_MODELS, WORKSPACE,
                List.of("openai/gpt-4o", "anthropic/*"), List.of("openai/gpt-4o")));
    }

    @Test
    void dataRegionsIntersectLikeProvidersAndDisjointOnesAllowNoneAndDeny() {
        EffectivePolicy p = merge(allowedDataRegions("europe", "us"), allowedDataRegions("europe", "global"));
        assertThat(p.allowedDataRegions().patterns()).containsExactly("europe");
        assertThat(p.decidedBy().get(PolicyDocument.ALLOWED_DATA_REGIONS)).containsExactly(ORGANIZATION, WORKSPACE);
        assertThat(p.overridden()).containsExactly(new Overridden(PolicyDocument.ALLOWED_DATA_REGIONS, WORKSPACE,
                List.of("europe", "global"), List.of("europe")));

        EffectivePolicy none = merge(allowedDataRegions("europe"), allowedDataRegions("us"));
        assertThat(none.allowedDataRegions().allowsNothing()).isTrue();
        assertThat(PolicyCheck.denial(none, List.of("openai/gpt-4o-mini"), null)).contains("No data region is"
                + " allowed: the allowed_data_regions of the organization and the workspace have nothing in common");
    }

    @Test
    void aNarrowerWorkspaceAllowListIsNotOverridden() {
        EffectivePolicy p = merge(allowedModels("openai/*"), allowedModels("openai/gpt-4o*"));
        assertThat(p.allowedModels().patterns()).containsExactly("openai/gpt-4o*");
        assertThat(p.overridden()).isEmpty();
    }

    @Test
    void anEmptyAllowListIsNoRestrictionAtThatLevel() {
        EffectivePolicy p = merge(allowedModels(), allowedModels("anthropic/*"));
        assertThat(p.allowedModels().patterns()).containsExactly("anthropic/*");
        assertThat(p.decidedBy().get(PolicyDocument.ALLOWED_MODELS)).containsExactly(WORKSPACE);
        assertThat(p.overridden()).isEmpty();
    }

    @Test
    void disjointAllowListsAllowNothing() {
        EffectivePolicy p = merge(allowedProviders("openai"), allowedProviders("anthropic"));
        assertThat(p.allowedProviders().allowsNothing()).isTrue();
        assertThat(p.overridden()).extracting(Overridden::field, Overridden::applied)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PolicyDocument.ALLOWED_PROVIDERS, List.of()));
    }

    @Test
    void denyListsUnite() {
        EffectivePolicy p = merge(new PolicyDocument(null, List.of("x-ai/*"), null, List.of("deepinfra"), null, null),
                new PolicyDocument(null, List.of("meta/*", "x-ai/*"), null, List.of("together"), null, null));
        assertThat(p.ignoredModels()).containsExactly("x-ai/*", "meta/*");
        assertThat(p.ignoredProviders()).containsExactly("deepinfra", "together");
        assertThat(p.decidedBy().get(PolicyDocument.IGNORED_PROVIDERS)).containsExactly(ORGANIZATION, WORKSPACE);
        assertThat(p.overridden()).isEmpty();
    }

    @Test
    void aWorkspaceDenyListAloneDecides() {
        EffectivePolicy p = merge(PolicyDocument.EMPTY, ignoredModels("meta/*"));
        assertThat(p.ignoredModels()).containsExactly("meta/*");
        assertThat(p.decidedBy().get(PolicyDocument.IGNORED_MODELS)).containsExactly(WORKSPACE);
        assertThat(merge(PolicyDocument.EMPTY, ignoredProviders("together")).ignoredProviders())
                .containsExactly("together");
    }

    @Test
    void zdrRequiredAtAnyLevelHolds() {
        EffectivePolicy fromCeiling = merge(dataPolicy(true, null, null), dataPolicy(false, null, null));
        assertThat(fromCeiling.requiresZdr()).isTrue();
        assertThat(fromCeiling.decidedBy().get(PolicyDocument.ZDR_REQUIRED)).containsExactly(ORGANIZATION);
        assertThat(fromCeiling.overridden())
                .containsExactly(new Overridden(PolicyDocument.ZDR_REQUIRED, WORKSPACE, false, true));

        EffectivePolicy fromWorkspace = merge(dataPolicy(false, null, null), dataPolicy(true, null, null));
        assertThat(fromWorkspace.requiresZdr()).isTrue();
        assertThat(fromWorkspace.decidedBy().get(PolicyDocument.ZDR_REQUIRED)).containsExactly(WORKSPACE);
        assertThat(fromWorkspace.overridden()).isEmpty();
    }

    @Test
    void dataCollectionDenyAtAnyLevelHolds() {
        EffectivePolicy p = merge(dataPolicy(null, DataCollection.DENY, null),
                dataPolicy(null, DataCollection.ALLOW, null));
        assertThat(p.dataCollection()).isEqualTo(DataCollection.DENY);
        assertThat(p.deniesDataCollection()).isTrue();
        assertThat(p.decidedBy().get(PolicyDocument.DATA_COLLECTION)).containsExactly(ORGANIZATION);
        assertThat(p.overridden())
                .containsExactly(new Overridden(PolicyDocument.DATA_COLLECTION, WORKSPACE, "allow", "deny"));
    }

    @Test
    void allowTrainingFalseAtAnyLevelHoldsAndExcludesCollectingProviders() {
        EffectivePolicy p = merge(dataPolicy(null, DataCollection.ALLOW, true), dataPolicy(null, null, false));
        assertThat(p.allowTraining()).isFalse();
        assertThat(p.dataCollection()).isEqualTo(DataCollection.ALLOW);
        assertThat(p.deniesDataCollection()).isTrue();
        assertThat(p.decidedBy().get(PolicyDocument.ALLOW_TRAINING)).containsExactly(WORKSPACE);
        assertThat(p.decidedBy().get(PolicyDocument.DATA_COLLECTION)).containsExactly(ORGANIZATION);
        assertThat(p.overridden()).isEmpty();
    }

    @Test
    void theLowestMaxTokensWins() {
        EffectivePolicy ceilingWins = merge(maxTokens(4096), maxTokens(8000));
        assertThat(ceilingWins.maxTokens()).isEqualTo(4096);
        assertThat(ceilingWins.decidedBy().get(PolicyDocument.MAX_TOKENS)).containsExactly(ORGANIZATION);
        assertThat(ceilingWins.overridden())
                .containsExactly(new Overridden(PolicyDocument.MAX_TOKENS, WORKSPACE, 8000, 4096));

        EffectivePolicy workspaceWins = merge(maxTokens(4096), maxTokens(1000));
        assertThat(workspaceWins.maxTokens()).isEqualTo(1000);
        assertThat(workspaceWins.decidedBy().get(PolicyDocument.MAX_TOKENS)).containsExactly(WORKSPACE);
        assertThat(workspaceWins.overridden()).isEmpty();
    }

    @Test
    void revisionsNameEachLevel() {
        EffectivePolicy p = merge(maxTokens(10), PolicyDocument.EMPTY);
        assertThat(p.policyRevision()).isEqualTo("org:3,ws:1");
        assertThat(p.revision(ORGANIZATION)).isEqualTo(3);
        assertThat(p.revision(WORKSPACE)).isEqualTo(1);
    }
}
