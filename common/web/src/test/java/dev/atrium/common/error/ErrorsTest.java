package dev.atrium.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ErrorsTest {

    private static RuntimeException wrapped(String sqlState) {
        return new IllegalStateException("Query failed", new SQLException("from the driver", sqlState));
    }

    @Test
    void aDatabaseThatCannotBeReachedOrEndedTheSessionIsAnOutageAnswered503() {
        for (String state : new String[] {"08001", "08006", "08003", "57P01", "57P02", "57P03"}) {
            RuntimeException failure = wrapped(state);
            assertThat(Errors.databaseUnavailable(failure)).as(state).isTrue();
            ErrorBody body = Errors.body(failure);
            assertThat(body.error().code()).as(state).isEqualTo(503);
            assertThat(body.error().message()).isEqualTo(Errors.DATABASE_UNAVAILABLE);
            assertThat(body.error().metadata()).containsEntry("retry_after_seconds", 1);
        }
    }

    @Test
    void otherDatabaseFailuresAreNotAnOutage() {
        assertThat(Errors.databaseUnavailable(wrapped("23505"))).as("unique violation").isFalse();
        assertThat(Errors.databaseUnavailable(wrapped("57014"))).as("statement cancelled").isFalse();
        assertThat(Errors.databaseUnavailable(wrapped(null))).as("no state (the pool's acquisition timeout)").isFalse();
        assertThat(Errors.body(wrapped("40P01")).error().code()).as("deadlock").isEqualTo(500);
        assertThat(Errors.body(wrapped("22001")).error().code()).as("a value refused").isEqualTo(400);
    }

    @Test
    void aPoolWithNoConnectionFreeInTimeIsBusyAnswered503() {
        RuntimeException failure = new IllegalStateException("Unable to acquire JDBC Connection",
                new SQLException("Sorry, acquisition timeout!"));
        assertThat(Errors.poolExhausted(failure)).isTrue();
        ErrorBody body = Errors.body(failure);
        assertThat(body.error().code()).isEqualTo(503);
        assertThat(body.error().message()).isEqualTo(Errors.BUSY);
        assertThat(body.error().metadata()).containsEntry("retry_after_seconds", 1);
        Response response = new ErrorMappers().unexpected(failure);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("1");
        assertThat(Errors.poolExhausted(new IllegalStateException(new SQLException("something else"))))
                .as("another failure without a state").isFalse();
    }

    @Test
    void theMapperAnswersAnOutage503WithRetryAfterInTheErrorShape() {
        Response response = new ErrorMappers().unexpected(wrapped("08006"));
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("1");
        ErrorBody body = (ErrorBody) response.getEntity();
        assertThat(body.error().message()).isEqualTo(Errors.DATABASE_UNAVAILABLE);
        assertThat(new ErrorMappers().unexpected(wrapped("40P01")).getStatus()).isEqualTo(500);
    }
}
