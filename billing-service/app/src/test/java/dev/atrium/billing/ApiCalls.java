package dev.atrium.billing;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.common.json.JsonSettings;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/** Calls the @QuarkusTests share; JSON read with the service's settings, so money stays exact. */
public final class ApiCalls {

    public static final ObjectMapper JSON = JsonSettings.apply(new ObjectMapper());

    private ApiCalls() {
    }

    public static Response topUp(String org, String key, Object amount) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("amount", amount, "currency", "USD", "kind", "top_up", "note", "test"))
                .post("/api/v1/organizations/{org}/credits", org);
    }

    public static BigDecimal balance(String org) {
        Response r = given().get("/api/v1/organizations/{org}/balance", org);
        if (r.statusCode() != 200) {
            throw new AssertionError("balance of " + org + " answered " + r.statusCode() + ": " + r.asString());
        }
        return read(r.asString()).get("balance").decimalValue();
    }

    public static int ledgerSize(String org) {
        return read(given().queryParam("limit", 200).get("/api/v1/organizations/{org}/ledger", org)
                .then().statusCode(200).extract().asString()).get("data").size();
    }

    public static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls until the supplier gives a value, or fails after the timeout. */
    public static <T> T eventually(Duration timeout, String what, Supplier<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
