package dev.atrium.systemtests;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A service's Prometheus exposition, and the samples in it. */
final class Metrics {

    private Metrics() {
    }

    /** The exposition of the service whose public port this is, read on its management port. */
    static String of(int port) {
        return given().get(SharedStack.url(SharedStack.get().managementPort(port), "/q/metrics")).then()
                .statusCode(200).extract().asString();
    }

    /** The sum of a metric's samples whose labels contain {@code labelPart}; -1 when there is none. */
    static double sample(String exposition, String name, String labelPart) {
        // A sample may end with an exemplar (" # {span_id=...,trace_id=...} 1.0 <time>") when tracing is on.
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.eE+-]+)( #.*)?$")
                .matcher(exposition);
        double sum = 0;
        boolean found = false;
        while (m.find()) {
            if (m.group(1) == null ? labelPart.isEmpty() : m.group(1).contains(labelPart)) {
                sum += Double.parseDouble(m.group(2));
                found = true;
            }
        }
        return found ? sum : -1;
    }
}
