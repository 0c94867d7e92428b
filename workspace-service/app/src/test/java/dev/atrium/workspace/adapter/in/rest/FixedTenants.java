package dev.atrium.workspace.adapter.in.rest;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Two organizations with one workspace each under fixed ids, so @TestSecurity can name their
 * group paths (A's admin, A1's member, ...), and those callers' memberships. Inserted once; later calls
 * change nothing.
 */
final class FixedTenants {

    static final String ORG_A = "org_fixedA";
    static final String WS_A1 = "ws_fixedA1";
    static final String ORG_B = "org_fixedB";
    static final String WS_B1 = "ws_fixedB1";

    private FixedTenants() {
    }

    static void ensure(AgroalDataSource db) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO organization (id, name, slug, created_at) VALUES "
                    + "('" + ORG_A + "', 'Fixed A', 'fixed-a', now()), ('" + ORG_B + "', 'Fixed B', 'fixed-b', now()) "
                    + "ON CONFLICT DO NOTHING");
            s.executeUpdate("INSERT INTO workspace (id, organization_id, name, slug, created_at) VALUES "
                    + "('" + WS_A1 + "', '" + ORG_A + "', 'A1', 'a1', now()), "
                    + "('" + WS_B1 + "', '" + ORG_B + "', 'B1', 'b1', now()) ON CONFLICT DO NOTHING");
            // The rights the tests' callers hold, as a membership change records them (TenantGuard reads these).
            s.executeUpdate("INSERT INTO member_group (user_id, group_path) VALUES "
                    + "('org-a-admin', '/orgs/" + ORG_A + "/admin'), "
                    + "('a1-member', '/orgs/" + ORG_A + "/workspaces/" + WS_A1 + "/member') ON CONFLICT DO NOTHING");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
