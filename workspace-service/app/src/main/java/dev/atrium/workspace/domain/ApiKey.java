package dev.atrium.workspace.domain;

import dev.atrium.workspace.api.LimitReset;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;

/**
 * An issued API key; only keyed hashes are kept. After a rotation the previous secret's hash
 * stays until {@code previousValidUntil}, so clients can switch over without downtime.
 * {@code ownerRemovedAt}: when its owner stopped being a member of the workspace (and not an admin of
 * its organization) or was deleted from the directory; from then on the key never resolves again.
 */
public record ApiKey(
        String id,
        String workspaceId,
        String organizationId,
        String name,
        String prefix,
        String last4,
        String hash,
        String ownerUserId,
        BigDecimal limit,
        LimitReset limitReset,
        boolean includeByokInLimit,
        Instant expiresAt,
        boolean disabled,
        Instant createdAt,
        String previousHash,
        Instant previousValidUntil,
        Instant revokedAt,
        Instant ownerRemovedAt) {

    public ApiKey(String id, String workspaceId, String organizationId, String name, String prefix, String last4,
            String hash, String ownerUserId, BigDecimal limit, LimitReset limitReset, boolean includeByokInLimit,
            Instant expiresAt, boolean disabled, Instant createdAt) {
        this(id, workspaceId, organizationId, name, prefix, last4, hash, ownerUserId, limit, limitReset,
                includeByokInLimit, expiresAt, disabled, createdAt, null, null, null, null);
    }

    /**
     * A key works while it is enabled, not revoked, unexpired, its owner still belongs to the workspace
     * and the workspace is not archived.
     */
    public boolean usableAt(Instant now, Workspace workspace) {
        return !disabled && revokedAt == null && ownerRemovedAt == null && !workspace.archived()
                && (expiresAt == null || now.isBefore(expiresAt));
    }

    /**
     * Until when the secret whose hash is {@code presented} works, by time alone (null: no end): the
     * key's expiry, or earlier, the end of a rotation's grace period for the previous secret.
     */
    public Instant validUntil(String presented) {
        boolean previous = !sameHash(presented, hash) && previousValidUntil != null;
        if (!previous) {
            return expiresAt;
        }
        return expiresAt == null || previousValidUntil.isBefore(expiresAt) ? previousValidUntil : expiresAt;
    }

    /** The owner left the workspace (or was deleted): the key stops for good, listed as such. */
    public ApiKey ownerRemoved(Instant now) {
        return new ApiKey(id, workspaceId, organizationId, name, prefix, last4, hash, ownerUserId, limit, limitReset,
                includeByokInLimit, expiresAt, disabled, createdAt, previousHash, previousValidUntil, revokedAt, now);
    }

    /** Constant-time: the current hash, or the previous one while its grace period lasts. */
    public boolean acceptsHash(String candidate, Instant now) {
        boolean current = sameHash(candidate, hash);
        boolean previous = previousHash != null && previousValidUntil != null && now.isBefore(previousValidUntil)
                && sameHash(candidate, previousHash);
        return current | previous;
    }

    public ApiKey withSettings(String name, BigDecimal limit, LimitReset limitReset, boolean includeByokInLimit,
            Instant expiresAt, boolean disabled) {
        return new ApiKey(id, workspaceId, organizationId, name, prefix, last4, hash, ownerUserId, limit, limitReset,
                includeByokInLimit, expiresAt, disabled, createdAt, previousHash, previousValidUntil, revokedAt,
                ownerRemovedAt);
    }

    /** A zero grace period drops the previous secret at once. */
    public ApiKey rotated(ApiKeySecret secret, String newHash, Instant now, Duration grace) {
        boolean keepPrevious = !grace.isZero();
        return new ApiKey(id, workspaceId, organizationId, name, secret.displayPrefix(), secret.last4(), newHash,
                ownerUserId, limit, limitReset, includeByokInLimit, expiresAt, disabled, createdAt,
                keepPrevious ? hash : null, keepPrevious ? now.plus(grace) : null, revokedAt, ownerRemovedAt);
    }

    public ApiKey revoked(Instant now) {
        return new ApiKey(id, workspaceId, organizationId, name, prefix, last4, hash, ownerUserId, limit, limitReset,
                includeByokInLimit, expiresAt, true, createdAt, null, null, now, ownerRemovedAt);
    }

    private static boolean sameHash(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII),
                b.getBytes(StandardCharsets.US_ASCII));
    }
}
