package dev.atrium.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard and the Prometheus alert rules of deploy/kubernetes/monitoring: each expression
 * parses and reads only metrics the services export (metrics.txt, which the system test MetricsSystemTest
 * checks against a running stack's scrape); each panel has a datasource and an expression; each rule the
 * operator is promised exists, with a severity and a summary.
 */
class MonitoringTest {

    static final Path MONITORING = Repo.KUBERNETES.resolve("monitoring");

    @Test
    void everyPanelHasADatasourceAndReadsExportedMetrics() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(MONITORING.resolve("atrium-dashboard.json").toFile());
        Set<String> exported = exported();
        List<String> problems = new ArrayList<>();
        int charts = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            charts++;
            String title = panel.path("title").asText();
            if (panel.path("datasource").path("uid").asText().isBlank()) {
                problems.add(title + ": no datasource");
            }
            if (panel.path("targets").isEmpty()) {
                problems.add(title + ": no expression");
            }
            for (JsonNode target : panel.path("targets")) {
                problems.addAll(expressionProblems(title, target.path("expr").asText(), exported));
            }
        }
        assertThat(problems).isEmpty();
        assertThat(charts).isGreaterThanOrEqualTo(12);
        assertThat(dashboard.path("uid").asText()).isEqualTo("atrium-overview");
    }

    @Test
    void everyRuleParsesReadsExportedMetricsAndSaysHowBadItIs() throws IOException {
        JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(MONITORING.resolve("atrium-alerts.yaml").toFile());
        Set<String> exported = exported();
        List<String> problems = new ArrayList<>();
        Set<String> alerts = new TreeSet<>();
        for (JsonNode group : rules.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String alert = rule.path("alert").asText();
                alerts.add(alert);
                problems.addAll(expressionProblems(alert, rule.path("expr").asText(), exported));
                if (!Set.of("warning", "critical").contains(rule.at("/labels/severity").asText())) {
                    problems.add(alert + ": severity is neither warning nor critical");
                }
                if (rule.at("/annotations/summary").asText().isBlank()) {
                    problems.add(alert + ": no summary");
                }
                if (!rule.path("for").asText().matches("[0-9]+[smh]")) {
                    problems.add(alert + ": no for duration");
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(alerts).contains("AtriumSpendSpike", "AtriumProviderErrorRate", "AtriumConsumerLag",
                "AtriumUsageSpoolGrowing", "AtriumHoldsStranded");
    }

    @Test
    void theParserRefusesBrokenExpressionsAndFindsTheMetricsAWellFormedOneReads() {
        assertThat(PromQl.metricNames("sum by (provider) (rate(a_total{outcome!=\"success\", x=~'y.*'}[5m] offset 1h))"
                + " / on (provider) group_left sum without (pod) (rate(b_count[5m:30s])) > bool 0.1"
                + " and topk(3, c) or histogram_quantile(0.99, sum by (le) (rate(d_bucket[1h30m])))"))
                .containsExactly("a_total", "b_count", "c", "d_bucket");
        for (String broken : List.of("sum(rate(a[5m])", "rate(a[5x])", "a{b=1}", "a{b==\"c\"}", "rat(a[5m])",
                "sum by (le (rate(a[5m]))", "a > ", "a b")) {
            assertThatThrownBy(() -> PromQl.metricNames(broken)).as(broken).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aNameNoServiceExportsIsRefused() throws IOException {
        assertThat(expressionProblems("panel", "rate(atrium_gateway_tokens_total[5m])", exported()))
                .containsExactly("panel: reads atrium_gateway_tokens_total, which metrics.txt does not list");
    }

    /** metrics.txt: "service metric" per line. */
    static Map<String, Set<String>> exportedByService() throws IOException {
        return Files.readAllLines(MONITORING.resolve("metrics.txt")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> l.split("\\s+"))
                .collect(Collectors.groupingBy(p -> p[0], Collectors.mapping(p -> p[1], Collectors.toCollection(TreeSet::new))));
    }

    private static Set<String> exported() throws IOException {
        return exportedByService().values().stream().flatMap(Set::stream).collect(Collectors.toSet());
    }

    private static List<String> expressionProblems(String where, String expression, Set<String> exported) {
        List<String> problems = new ArrayList<>();
        try {
            for (String metric : PromQl.metricNames(expression)) {
                if (!exported.contains(metric)) {
                    problems.add(where + ": reads " + metric + ", which metrics.txt does not list");
                }
            }
        } catch (IllegalArgumentException e) {
            problems.add(where + ": " + e.getMessage() + " in " + expression);
        }
        return problems;
    }
}
