package dev.atrium.billing.adapter.in.rest;

import dev.atrium.billing.domain.UsageReport;
import dev.atrium.billing.domain.UsageRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A usage report as JSON ({@code data} rows named by their grouping, and {@code total}) or as CSV.
 * {@code cost} is what the upstream providers charged; {@code byok_fee} the fees on generations the
 * workspace's own keys paid for; {@code charged} what the organization's credits were debited.
 */
final class UsageViews {

    private static final List<String> MEASURES = List.of("requests", "prompt_tokens", "completion_tokens", "cost",
            "byok_fee", "charged");

    private UsageViews() {
    }

    static Map<String, Object> json(UsageReport report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", report.rows().stream().map(r -> row(report.grouping().key(), r)).toList());
        body.put("total", measures(report.total()));
        body.put("from", report.period().from().toString());
        body.put("to", report.period().to().toString());
        body.put("group_by", report.grouping().wire());
        return body;
    }

    /** RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, quote or line break. */
    static String csv(UsageReport report) {
        StringBuilder out = new StringBuilder();
        out.append(report.grouping().key());
        MEASURES.forEach(m -> out.append(',').append(m));
        out.append("\r\n");
        for (UsageRow r : report.rows()) {
            out.append(field(r.group())).append(',').append(r.requests()).append(',').append(r.promptTokens())
                    .append(',').append(r.completionTokens()).append(',')
                    .append(Dtos.money(r.cost()).toPlainString()).append(',')
                    .append(Dtos.money(r.byokFee()).toPlainString()).append(',')
                    .append(Dtos.money(r.charged()).toPlainString()).append("\r\n");
        }
        return out.toString();
    }

    private static Map<String, Object> row(String groupKey, UsageRow r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(groupKey, r.group());
        row.putAll(measures(r));
        return row;
    }

    private static Map<String, Object> measures(UsageRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requests", r.requests());
        m.put("prompt_tokens", r.promptTokens());
        m.put("completion_tokens", r.completionTokens());
        m.put("cost", Dtos.money(r.cost()));
        m.put("byok_fee", Dtos.money(r.byokFee()));
        m.put("charged", Dtos.money(r.charged()));
        return m;
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        // A leading =, +, - or @ would run as a formula in spreadsheets.
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
