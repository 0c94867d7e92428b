package dev.atrium.guardrail.application.port.in;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.guardrail.domain.tenancy.KnownKey;
import dev.atrium.guardrail.domain.tenancy.KnownWorkspace;

/** Keeps what workspace events say about workspaces and keys, once per event id. */
public interface LearnTenancyUseCase {

    void learn(TenancyEvent event);

    sealed interface TenancyEvent {

        String eventId();

        String type();
    }

    record OrganizationLearned(String eventId, String type, String organizationId) implements TenancyEvent {

        public OrganizationLearned {
            InvalidFieldException.requireText("ce_id", eventId, 200);
            InvalidFieldException.requireText("organization_id", organizationId, 64);
        }
    }

    record WorkspaceLearned(String eventId, String type, KnownWorkspace workspace) implements TenancyEvent {

        public WorkspaceLearned {
            InvalidFieldException.requireText("ce_id", eventId, 200);
            InvalidFieldException.requireText("workspace_id", workspace.id(), 64);
            InvalidFieldException.requireText("organization_id", workspace.organizationId(), 64);
        }
    }

    record KeyLearned(String eventId, String type, KnownKey key) implements TenancyEvent {

        public KeyLearned {
            InvalidFieldException.requireText("ce_id", eventId, 200);
            InvalidFieldException.requireText("key_id", key.id(), 64);
            InvalidFieldException.requireText("workspace_id", key.workspaceId(), 64);
            InvalidFieldException.requireText("organization_id", key.organizationId(), 64);
        }
    }
}
