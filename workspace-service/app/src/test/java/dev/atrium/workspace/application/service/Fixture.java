package dev.atrium.workspace.application.service;

import dev.atrium.common.net.DestinationRule;
import dev.atrium.local.testing.MutableClock;
import dev.atrium.workspace.application.port.in.CreateOrganizationUseCase.CreateOrganizationCommand;
import dev.atrium.workspace.application.port.in.CreateWorkspaceUseCase.CreateWorkspaceCommand;
import dev.atrium.workspace.config.MembersConfig;
import dev.atrium.workspace.domain.KeyHasher;
import dev.atrium.workspace.domain.Organization;
import dev.atrium.workspace.domain.SecretBox;
import dev.atrium.workspace.domain.Workspace;
import dev.atrium.workspace.testing.InMemoryMembershipDirectory;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Every use case wired to in-memory fakes and a clock the test moves. */
class Fixture {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    final InMemoryTenancy store = new InMemoryTenancy();
    final InMemorySettings settings = new InMemorySettings();
    final InMemoryMembershipDirectory directory = new InMemoryMembershipDirectory();
    final MutableClock clock = new MutableClock(NOW);
    final KeyHasher hasher = new KeyHasher("pepper-for-unit-tests");
    final SecretBox box = new SecretBox(Map.of("k1", new byte[32]), "k1");
    final Auditor auditor = new Auditor(settings, settings, clock);
    final SettingsRevisions revisions = new SettingsRevisions(store, store, clock);
    final OrganizationService organizations = new OrganizationService(store, store, clock, auditor);
    final WorkspaceService workspaces = new WorkspaceService(store, store, store, clock, auditor);
    final InMemoryMembers memberships = new InMemoryMembers(store);
    final ApiKeyService keys = new ApiKeyService(store, store, store, hasher, clock, auditor,
            new SettingsSnapshots(settings, settings, settings), memberships);
    final ApiKeyLifecycleService lifecycle = new ApiKeyLifecycleService(store, store, hasher, clock, auditor);
    final ByokService byok = new ByokService(settings, store, revisions, box, clock, auditor);
    final PresetService presets = new PresetService(settings, revisions, settings, clock, auditor);
    final WorkspaceSettingsService workspaceSettings = new WorkspaceSettingsService(settings, store,
            revisions, box, auditor, new DestinationPolicy(DestinationRule.of(false, List.of()), host -> List.of()));
    final KeyOwners owners = new KeyOwners(store, memberships, store, clock, auditor);
    final MembershipService members = new MembershipService(store, store, directory, memberships, owners, auditor);
    final MemberReconciliation reconciliation = reconciliation(2);
    final DeletionFollower deletions = new DeletionFollower(directory, owners, clock);
    final MemberBackfill backfill = new MemberBackfill(directory, memberships);

    /** Rounds of {@code batch} users each. */
    MemberReconciliation reconciliation(int batch) {
        return new MemberReconciliation(directory, owners, new MembersConfig() {
            @Override
            public String reconcileEvery() {
                return "off";
            }

            @Override
            public int reconcileBatch() {
                return batch;
            }

            @Override
            public String followDeletionsEvery() {
                return "off";
            }

            @Override
            public String backfillEvery() {
                return "off";
            }
        });
    }

    Organization organization(String slug) {
        return organizations.create(CreateOrganizationCommand.of("Org " + slug, slug));
    }

    Workspace workspace(Organization org, String slug) {
        return workspaces.create(CreateWorkspaceCommand.of(org.id(), "Ws " + slug, slug, null, null));
    }

    Workspace reload(Workspace w) {
        return store.workspaces.get(w.id());
    }
}
