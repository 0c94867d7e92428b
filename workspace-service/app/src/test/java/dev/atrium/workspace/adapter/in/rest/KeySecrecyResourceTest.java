package dev.atrium.workspace.adapter.in.rest;

import static dev.atrium.workspace.adapter.in.rest.ApiKeyLifecycleResourceTest.issue;
import static dev.atrium.workspace.adapter.in.rest.ApiKeyLifecycleResourceTest.resolve;
import static dev.atrium.workspace.adapter.in.rest.ApiKeyLifecycleResourceTest.workspace;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.local.testing.KafkaRecords;
import dev.atrium.workspace.api.WorkspaceEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** An API key's secret is shown once and then exists nowhere: not in any table, event or log line. */
@QuarkusTest
@TestSecurity(user = "service-account-atrium-gateway", roles = {"platform-admin", "atrium-service"})
class KeySecrecyResourceTest {

    @Inject
    AgroalDataSource db;

    @Test
    void theSecretNeverReachesTheDatabaseAnEventOrTheLogs() throws Exception {
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters())
                        + " " + record.getThrown());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        String secret;
        String rotatedSecret;
        String keyId;
        try {
            String ws = workspace();
            var key = issue(ws, "secrecy");
            secret = key.getString("key");
            keyId = key.getString("id");
            assertThat(secret).startsWith("sk-at-v1-");
            resolve(secret).then().statusCode(200);
            resolve(secret + "x").then().statusCode(404);
            rotatedSecret = given().contentType(ContentType.JSON).body("{}")
                    .post("/api/v1/workspaces/{ws}/keys/{key}/rotate", ws, key.getString("id"))
                    .then().statusCode(200).extract().path("key");
            resolve(rotatedSecret).then().statusCode(200);
            // The capture sees what the application's loggers write (the path a leaked secret would take).
            org.jboss.logging.Logger.getLogger(KeySecrecyResourceTest.class).infof("capture-canary %s", "on");
        } finally {
            root.removeHandler(capture);
        }
        assertThat(logged).anyMatch(line -> line.contains("capture-canary"));

        for (String s : List.of(secret, rotatedSecret)) {
            String body = s.substring("sk-at-v1-".length());
            assertThat(tablesContaining(body)).as("tables holding the secret").isEmpty();
            assertThat(logged).as("log lines").noneMatch(line -> line.contains(body));
        }
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        var events = KafkaRecords.readUntil(bootstrap, WorkspaceEvents.TOPIC,
                r -> new String(r.headers().lastHeader("ce_type").value()).equals(WorkspaceEvents.API_KEY_ROTATED)
                        && r.value().contains(keyId), Duration.ofSeconds(20));
        assertThat(events).last().satisfies(r -> assertThat(r.value()).contains(keyId));
        assertThat(events).isNotEmpty().noneMatch(r -> r.value().contains(secret.substring(9))
                || r.value().contains(rotatedSecret.substring(9)));
    }

    /** Every text column of every table of the service, searched for the value. */
    private List<String> tablesContaining(String value) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet tables = s.executeQuery("SELECT table_name FROM information_schema.tables "
                        + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString(1));
            }
            for (String table : names) {
                try (Statement q = c.createStatement(); ResultSet rows = q.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = rows.getMetaData();
                    while (rows.next()) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            Object cell = rows.getObject(i);
                            if (cell != null && cell.toString().contains(value)) {
                                found.add(table + "." + meta.getColumnName(i));
                            }
                        }
                    }
                }
            }
        }
        return found;
    }
}
