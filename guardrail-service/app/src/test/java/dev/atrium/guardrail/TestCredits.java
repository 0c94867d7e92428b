package dev.atrium.guardrail;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Credits fail closed, so a test about something else gives its organizations a balance first: $1000 at
 * revision 0, unless one is known (a balance event from billing, revision 1 and up, still replaces it).
 */
public final class TestCredits {

    private TestCredits() {
    }

    public static void grant(String... organizationIds) {
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO credit_balance (organization_id, balance, revision) VALUES (?, 1000, 0)"
                        + " ON CONFLICT (organization_id) DO NOTHING")) {
            for (String org : organizationIds) {
                ps.setString(1, org);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
