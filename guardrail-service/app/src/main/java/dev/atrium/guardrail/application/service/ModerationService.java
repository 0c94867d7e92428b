package dev.atrium.guardrail.application.service;

import dev.atrium.guardrail.api.ModerationResult;
import dev.atrium.guardrail.api.Redaction;
import dev.atrium.guardrail.application.port.in.ModerateOutputUseCase;
import dev.atrium.guardrail.domain.content.ContentScan;
import dev.atrium.guardrail.domain.content.ScanResult;
import dev.atrium.guardrail.domain.policy.EffectivePolicy;
import dev.atrium.guardrail.domain.tenancy.KnownKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The gateway's {@code moderation} plugin: the check's content filters, run over an answer. The
 * member level is the key's owner as workspace events told it; nothing is held or counted.
 */
@ApplicationScoped
public class ModerationService implements ModerateOutputUseCase {

    private final LevelPolicies levels;

    public ModerationService(LevelPolicies levels) {
        this.levels = levels;
    }

    @Override
    @Transactional
    public ModerationResult moderate(ModerateCommand command) {
        KnownKey key = levels.key(command.keyId());
        String owner = key == null ? null : key.ownerUserId();
        EffectivePolicy policy = levels.merge(
                levels.stored(command.organizationId(), command.workspaceId(), owner, command.keyId()),
                levels.applied(command.organizationId(), command.workspaceId(), owner, command.keyId()));
        ScanResult scan = ContentScan.scan(policy.contentFilters(), command.text());
        if (scan.blocked().isPresent()) {
            return ModerationResult.blocked(scan.blockMessage("Response", policy));
        }
        return new ModerationResult(true, 200, null, scan.redactions().stream()
                .map(r -> new Redaction(r.filter(), r.start(), r.end(), r.replacement())).toList(), scan.flags());
    }
}
