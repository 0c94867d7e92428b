package dev.atrium.guardrail;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * What cannot be priced is refused (503), so a test about something else gives the models it checks a price
 * in guardrail's view of routing's catalogue first, as routing's endpoint events would: $0.000001 a prompt
 * token and $0.000002 a completion token at one provider, unless the view already knows the model there.
 */
public final class TestPrices {

    private TestPrices() {
    }

    public static void known(String... models) {
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO endpoint_price (model, provider, prompt_price, completion_price, max_completion_tokens)"
                        + " VALUES (?, 'test-provider', 0.000001, 0.000002, NULL) ON CONFLICT DO NOTHING")) {
            for (String model : models) {
                ps.setString(1, model);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
