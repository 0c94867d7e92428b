package dev.atrium.guardrail.adapter.out.persistence.named;

import dev.atrium.guardrail.adapter.out.persistence.Jdbc;
import dev.atrium.guardrail.application.named.NamedGuardrailRepository;
import dev.atrium.guardrail.domain.named.AppliedGuardrail;
import dev.atrium.guardrail.domain.named.KeyAssignment;
import dev.atrium.guardrail.domain.named.MemberAssignment;
import dev.atrium.guardrail.domain.named.NamedGuardrail;
import dev.atrium.guardrail.domain.named.WorkspaceDefault;
import dev.atrium.guardrail.domain.policy.Level;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Plain SQL: assignments are upserts that count only real changes, and the check's read of the guardrails
 * that apply is one statement. Text parameters that may be null are cast, so their null is typed.
 */
@ApplicationScoped
class NamedGuardrailPersistenceAdapter implements NamedGuardrailRepository {

    private static final String COLUMNS =
            "g.id, g.organization_id, g.workspace_id, g.name, g.description, g.rules, g.revision, g.created_at, "
                    + "g.updated_at";

    private final Jdbc jdbc;
    private final RulesJson json;

    NamedGuardrailPersistenceAdapter(Jdbc jdbc, RulesJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void insert(NamedGuardrail g) {
        jdbc.update("INSERT INTO named_guardrail (id, organization_id, workspace_id, name, description, rules, "
                        + "revision, created_at, updated_at) VALUES (?, ?, CAST(? AS TEXT), ?, CAST(? AS TEXT), ?, ?, ?, ?)",
                g.id(), g.organizationId(), g.workspaceId(), g.name(), g.description(), json.write(g.rules()),
                g.revision(), g.createdAt(), g.updatedAt());
    }

    @Override
    public void update(NamedGuardrail g) {
        jdbc.update("UPDATE named_guardrail SET name = ?, description = CAST(? AS TEXT), rules = ?, revision = ?, "
                        + "updated_at = ? WHERE id = ? AND organization_id = ?",
                g.name(), g.description(), json.write(g.rules()), g.revision(), g.updatedAt(), g.id(),
                g.organizationId());
    }

    @Override
    public Optional<NamedGuardrail> find(String organizationId, String id) {
        return one("SELECT " + COLUMNS + " FROM named_guardrail g WHERE g.organization_id = ? AND g.id = ?",
                organizationId, id);
    }

    @Override
    public Optional<NamedGuardrail> findForUpdate(String organizationId, String id) {
        return one("SELECT " + COLUMNS + " FROM named_guardrail g WHERE g.organization_id = ? AND g.id = ? FOR UPDATE",
                organizationId, id);
    }

    @Override
    public boolean delete(String organizationId, String id) {
        return jdbc.update("DELETE FROM named_guardrail WHERE organization_id = ? AND id = ?", organizationId, id) > 0;
    }

    @Override
    public Page<NamedGuardrail> list(String organizationId, String workspaceId, int offset, int limit) {
        String where = " FROM named_guardrail g WHERE g.organization_id = ?"
                + (workspaceId == null ? "" : " AND g.workspace_id = ?");
        Object[] params = workspaceId == null ? new Object[] {organizationId}
                : new Object[] {organizationId, workspaceId};
        List<NamedGuardrail> items = jdbc.query("SELECT " + COLUMNS + where
                + " ORDER BY g.created_at, g.id OFFSET " + offset + " LIMIT " + limit, this::guardrail, params);
        return new Page<>(items, count("SELECT count(*)" + where, params));
    }

    @Override
    public int assignKeys(NamedGuardrail g, List<String> keyIds, String assignedBy, Instant at) {
        return jdbc.update("INSERT INTO guardrail_key_assignment AS a "
                        + "(key_id, id, organization_id, guardrail_id, assigned_by, created_at) "
                        + "SELECT k, gen_random_uuid()::text, ?, ?, CAST(? AS TEXT), ? FROM unnest(?) AS k "
                        + "ON CONFLICT (key_id) DO UPDATE SET id = EXCLUDED.id, organization_id = EXCLUDED.organization_id, "
                        + "guardrail_id = EXCLUDED.guardrail_id, assigned_by = EXCLUDED.assigned_by, "
                        + "created_at = EXCLUDED.created_at WHERE a.guardrail_id <> EXCLUDED.guardrail_id",
                g.organizationId(), g.id(), assignedBy, at, keyIds.toArray(String[]::new));
    }

    @Override
    public int unassignKeys(NamedGuardrail g, List<String> keyIds) {
        return jdbc.update("DELETE FROM guardrail_key_assignment WHERE guardrail_id = ? AND key_id = ANY(?)",
                g.id(), keyIds.toArray(String[]::new));
    }

    @Override
    public int assignMembers(NamedGuardrail g, List<String> userIds, String assignedBy, Instant at) {
        return jdbc.update("INSERT INTO guardrail_member_assignment AS a "
                        + "(organization_id, user_id, id, guardrail_id, assigned_by, created_at) "
                        + "SELECT ?, u, gen_random_uuid()::text, ?, CAST(? AS TEXT), ? FROM unnest(?) AS u "
                        + "ON CONFLICT (organization_id, user_id) DO UPDATE SET id = EXCLUDED.id, "
                        + "guardrail_id = EXCLUDED.guardrail_id, assigned_by = EXCLUDED.assigned_by, "
                        + "created_at = EXCLUDED.created_at WHERE a.guardrail_id <> EXCLUDED.guardrail_id",
                g.organizationId(), g.id(), assignedBy, at, userIds.toArray(String[]::new));
    }

    @Override
    public int unassignMembers(NamedGuardrail g, List<String> userIds) {
        return jdbc.update("DELETE FROM guardrail_member_assignment WHERE organization_id = ? AND guardrail_id = ? "
                + "AND user_id = ANY(?)", g.organizationId(), g.id(), userIds.toArray(String[]::new));
    }

    @Override
    public Page<KeyAssignment> keyAssignments(String organizationId, String guardrailId, int offset, int limit) {
        String where = " FROM guardrail_key_assignment WHERE organization_id = ?"
                + (guardrailId == null ? "" : " AND guardrail_id = ?");
        Object[] params = guardrailId == null ? new Object[] {organizationId}
                : new Object[] {organizationId, guardrailId};
        List<KeyAssignment> items = jdbc.query("SELECT id, key_id, guardrail_id, assigned_by, created_at" + where
                        + " ORDER BY created_at, key_id OFFSET " + offset + " LIMIT " + limit,
                rs -> new KeyAssignment(rs.getString("id"), rs.getString("key_id"), rs.getString("guardrail_id"),
                        rs.getString("assigned_by"), Jdbc.instant(rs, "created_at")), params);
        return new Page<>(items, count("SELECT count(*)" + where, params));
    }

    @Override
    public Page<MemberAssignment> memberAssignments(String organizationId, String guardrailId, int offset,
            int limit) {
        String where = " FROM guardrail_member_assignment WHERE organization_id = ?"
                + (guardrailId == null ? "" : " AND guardrail_id = ?");
        Object[] params = guardrailId == null ? new Object[] {organizationId}
                : new Object[] {organizationId, guardrailId};
        List<MemberAssignment> items = jdbc.query("SELECT id, organization_id, user_id, guardrail_id, assigned_by, "
                        + "created_at" + where + " ORDER BY created_at, user_id OFFSET " + offset + " LIMIT " + limit,
                rs -> new MemberAssignment(rs.getString("id"), rs.getString("organization_id"),
                        rs.getString("user_id"), rs.getString("guardrail_id"), rs.getString("assigned_by"),
                        Jdbc.instant(rs, "created_at")), params);
        return new Page<>(items, count("SELECT count(*)" + where, params));
    }

    @Override
    public void setDefault(String organizationId, String workspaceId, String guardrailId, String setBy,
            Instant at) {
        if (guardrailId == null) {
            jdbc.update("DELETE FROM workspace_default_guardrail WHERE workspace_id = ?", workspaceId);
            return;
        }
        jdbc.update("INSERT INTO workspace_default_guardrail (workspace_id, organization_id, guardrail_id, set_by, "
                        + "set_at) VALUES (?, ?, ?, CAST(? AS TEXT), ?) ON CONFLICT (workspace_id) DO UPDATE SET "
                        + "organization_id = EXCLUDED.organization_id, guardrail_id = EXCLUDED.guardrail_id, "
                        + "set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at",
                workspaceId, organizationId, guardrailId, setBy, at);
    }

    @Override
    public Optional<String> defaultOf(String workspaceId) {
        return jdbc.query("SELECT guardrail_id FROM workspace_default_guardrail WHERE workspace_id = ?",
                rs -> rs.getString("guardrail_id"), workspaceId).stream().findFirst();
    }

    /** The workspaces guardrail learnt from workspace events, each with its default when it has one. */
    @Override
    public List<WorkspaceDefault> defaultsOf(String organizationId, Collection<String> workspaceIds) {
        return jdbc.query("SELECT w.id, d.guardrail_id FROM workspace w LEFT JOIN workspace_default_guardrail d "
                        + "ON d.workspace_id = w.id AND d.organization_id = w.organization_id "
                        + "WHERE w.organization_id = ? AND w.id = ANY (?::text[]) ORDER BY w.id",
                rs -> new WorkspaceDefault(rs.getString("id"), rs.getString("guardrail_id")), organizationId,
                (Object) workspaceIds.toArray(String[]::new));
    }

    @Override
    public List<AppliedGuardrail> applying(String organizationId, String workspaceId, String ownerUserId,
            String keyId) {
        String sql = "SELECT 'workspace' AS applied_at, " + COLUMNS + " FROM workspace_default_guardrail d "
                + "JOIN named_guardrail g ON g.id = d.guardrail_id WHERE d.workspace_id = CAST(? AS TEXT) "
                + "AND g.organization_id = ? "
                + "UNION ALL SELECT 'member', " + COLUMNS + " FROM guardrail_member_assignment m "
                + "JOIN named_guardrail g ON g.id = m.guardrail_id WHERE m.organization_id = ? "
                + "AND m.user_id = CAST(? AS TEXT) "
                + "UNION ALL SELECT 'key', " + COLUMNS + " FROM guardrail_key_assignment k "
                + "JOIN named_guardrail g ON g.id = k.guardrail_id WHERE k.key_id = CAST(? AS TEXT) "
                + "AND g.organization_id = ?";
        return jdbc.query(sql, rs -> AppliedGuardrail.of(guardrail(rs),
                        Level.valueOf(rs.getString("applied_at").toUpperCase(Locale.ROOT))),
                workspaceId, organizationId, organizationId, ownerUserId, keyId, organizationId);
    }

    private Optional<NamedGuardrail> one(String sql, Object... params) {
        return jdbc.query(sql, this::guardrail, params).stream().findFirst();
    }

    private long count(String sql, Object... params) {
        return jdbc.query(sql, rs -> rs.getLong(1), params).get(0);
    }

    private NamedGuardrail guardrail(ResultSet rs) throws SQLException {
        return new NamedGuardrail(rs.getString("id"), rs.getString("organization_id"), rs.getString("workspace_id"),
                rs.getString("name"), rs.getString("description"), json.read(rs.getString("rules")),
                rs.getLong("revision"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"));
    }
}
