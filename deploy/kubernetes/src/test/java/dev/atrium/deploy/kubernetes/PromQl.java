package dev.atrium.deploy.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parser for the PromQL the dashboard and the alert rules use: selectors with label matchers, range and
 * offset, functions, aggregations with {@code by}/{@code without}, binary operators with {@code bool},
 * {@code on}/{@code ignoring} and {@code group_left}/{@code group_right}, subqueries. It refuses what
 * Prometheus would refuse among those (unbalanced brackets, an unknown function, a bad matcher or duration)
 * and returns the metric names an expression reads, so they can be checked against what the services export.
 */
final class PromQl {

    private static final Set<String> FUNCTIONS = Set.of("abs", "absent", "absent_over_time", "avg_over_time",
            "ceil", "changes", "clamp", "clamp_max", "clamp_min", "count_over_time", "delta", "deriv", "exp", "floor",
            "histogram_quantile", "holt_winters", "idelta", "increase", "irate", "label_join", "label_replace", "ln",
            "max_over_time", "min_over_time", "predict_linear", "quantile_over_time", "rate", "resets", "round",
            "scalar", "sort", "sort_desc", "sqrt", "stddev_over_time", "sum_over_time", "time", "timestamp", "vector",
            "last_over_time");
    private static final Set<String> AGGREGATIONS = Set.of("sum", "avg", "min", "max", "count", "stddev", "stdvar",
            "group", "topk", "bottomk", "quantile", "count_values");
    private static final Set<String> WITH_PARAMETER = Set.of("topk", "bottomk", "quantile", "count_values");
    private static final Set<String> BINARY = Set.of("+", "-", "*", "/", "%", "^", "==", "!=", ">", "<", ">=", "<=",
            "and", "or", "unless");
    private static final Pattern TOKEN = Pattern.compile("\\s*(?:(?<duration>(?:[0-9]+(?:ms|s|m|h|d|w|y))+)(?![a-zA-Z0-9_])|(?<number>[0-9]+(?:\\.[0-9]+)?(?:e[+-]?[0-9]+)?)"
            + "|(?<ident>[a-zA-Z_][a-zA-Z0-9_:]*)|(?<string>\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*')"
            + "|(?<op>==|!=|>=|<=|=~|!~|[-+*/%^<>=(){}\\[\\],:]))");
    private static final Pattern DURATION = Pattern.compile("([0-9]+(ms|s|m|h|d|w|y))+");

    private final List<String> tokens = new ArrayList<>();
    private final Set<String> metrics = new TreeSet<>();
    private int at;

    private PromQl(String expression) {
        Matcher m = TOKEN.matcher(expression);
        int end = 0;
        while (end < expression.length()) {
            if (!m.find(end) || m.start() != end) {
                if (expression.substring(end).isBlank()) {
                    break;
                }
                throw new IllegalArgumentException("cannot read \"" + expression.substring(end).strip() + "\"");
            }
            tokens.add(m.group().strip());
            end = m.end();
        }
    }

    /** The metric names the expression reads; throws IllegalArgumentException when it does not parse. */
    static Set<String> metricNames(String expression) {
        PromQl parser = new PromQl(expression);
        parser.expression();
        if (parser.at != parser.tokens.size()) {
            throw new IllegalArgumentException("unexpected \"" + parser.peek() + "\" in " + expression);
        }
        return parser.metrics;
    }

    private void expression() {
        unary();
        while (BINARY.contains(peek())) {
            next();
            if (peek().equals("bool")) {
                next();
            }
            if (peek().equals("on") || peek().equals("ignoring")) {
                next();
                labels();
                if (peek().equals("group_left") || peek().equals("group_right")) {
                    next();
                    if (peek().equals("(")) {
                        labels();
                    }
                }
            }
            unary();
        }
    }

    private void unary() {
        if (peek().equals("-") || peek().equals("+")) {
            next();
        }
        primary();
        while (peek().equals("[")) {
            next();
            duration();
            if (peek().equals(":")) {
                next();
                if (!peek().equals("]")) {
                    duration();
                }
            }
            expect("]");
        }
        if (peek().equals("offset")) {
            next();
            if (peek().equals("-")) {
                next();
            }
            duration();
        }
    }

    private void primary() {
        String token = next();
        if (token.equals("(")) {
            expression();
            expect(")");
        } else if (token.matches("[0-9]+(\\.[0-9]+)?(e[+-]?[0-9]+)?") || token.startsWith("\"")
                || token.startsWith("'")) {
            return;
        } else if (AGGREGATIONS.contains(token) && (peek().equals("(") || peek().equals("by")
                || peek().equals("without"))) {
            grouping();
            expect("(");
            if (WITH_PARAMETER.contains(token)) {
                expression();
                expect(",");
            }
            expression();
            expect(")");
            grouping();
        } else if (token.equals("{")) {
            matchers();
        } else if (token.matches("[a-zA-Z_].*")) {
            if (peek().equals("(")) {
                if (!FUNCTIONS.contains(token)) {
                    throw new IllegalArgumentException("unknown function " + token);
                }
                next();
                if (!peek().equals(")")) {
                    expression();
                    while (peek().equals(",")) {
                        next();
                        expression();
                    }
                }
                expect(")");
            } else {
                metrics.add(token);
                if (peek().equals("{")) {
                    next();
                    matchers();
                }
            }
        } else {
            throw new IllegalArgumentException("unexpected \"" + token + "\"");
        }
    }

    private void grouping() {
        if (peek().equals("by") || peek().equals("without")) {
            next();
            labels();
        }
    }

    private void labels() {
        expect("(");
        while (!peek().equals(")")) {
            label();
            if (!peek().equals(")")) {
                expect(",");
            }
        }
        expect(")");
    }

    /** After the opening brace: {@code name op "value"}, comma separated, up to the closing brace. */
    private void matchers() {
        while (!peek().equals("}")) {
            label();
            String op = next();
            if (!Set.of("=", "!=", "=~", "!~").contains(op)) {
                throw new IllegalArgumentException("bad label matcher operator \"" + op + "\"");
            }
            String value = next();
            if (!value.startsWith("\"") && !value.startsWith("'")) {
                throw new IllegalArgumentException("a label matcher's value must be a string, not " + value);
            }
            if (!peek().equals("}")) {
                expect(",");
            }
        }
        expect("}");
    }

    private void label() {
        String name = next();
        if (!name.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
            throw new IllegalArgumentException("bad label name \"" + name + "\"");
        }
    }

    private void duration() {
        String text = next();
        if (!DURATION.matcher(text).matches()) {
            throw new IllegalArgumentException("bad duration \"" + text + "\"");
        }
    }

    private String peek() {
        return at < tokens.size() ? tokens.get(at) : "";
    }

    private String next() {
        if (at >= tokens.size()) {
            throw new IllegalArgumentException("the expression ends too early");
        }
        return tokens.get(at++);
    }

    private void expect(String token) {
        String found = next();
        if (!found.equals(token)) {
            throw new IllegalArgumentException("expected \"" + token + "\" but found \"" + found + "\"");
        }
    }
}
