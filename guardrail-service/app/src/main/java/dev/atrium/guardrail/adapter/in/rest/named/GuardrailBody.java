package dev.atrium.guardrail.adapter.in.rest.named;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.guardrail.domain.budget.BudgetWindow;
import dev.atrium.guardrail.domain.content.Builtin;
import dev.atrium.guardrail.domain.content.ContentFilter;
import dev.atrium.guardrail.domain.content.FilterAction;
import dev.atrium.guardrail.domain.named.BuiltinFilter;
import dev.atrium.guardrail.domain.named.GuardrailBudget;
import dev.atrium.guardrail.domain.named.GuardrailRules;
import dev.atrium.guardrail.domain.named.Zdr;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads OpenRouter's CreateGuardrailRequest and UpdateGuardrailRequest strictly: an unknown or mistyped
 * field is a 400 naming it (ADR 0016). An update changes the fields it names only; {@code null} clears one,
 * and lists are replaced whole.
 */
final class GuardrailBody {

    static final Set<String> RULE_FIELDS = Set.of("name", "description", "limit_usd", "reset_interval",
            "include_byok_in_budgets", "allowed_models", "ignored_models", "allowed_providers", "ignored_providers",
            "allowed_data_regions", "enforce_zdr", "enforce_zdr_anthropic", "enforce_zdr_openai", "enforce_zdr_google",
            "enforce_zdr_xai", "enforce_zdr_other", "enable_free_model_publication", "enable_free_model_training",
            "enable_paid_model_training", "content_filters", "content_filter_builtins");
    private static final Set<String> FILTER_FIELDS = Set.of("pattern", "action", "label");
    private static final Set<String> BUILTIN_FIELDS = Set.of("slug", "action", "label", "scan_scope");
    private static final Set<String> INTERVALS = Set.of("daily", "weekly", "monthly");
    private static final Set<String> SCAN_SCOPES = Set.of("user_only", "all_messages");
    /** OpenRouter's builtin slugs that Atrium's detectors implement. */
    static final Map<String, Builtin> SLUGS = Map.of("email", Builtin.EMAIL, "phone", Builtin.PHONE,
            "ssn", Builtin.SSN, "credit-card", Builtin.CREDIT_CARD, "ip-address", Builtin.IP_ADDRESS,
            "regex-prompt-injection", Builtin.PROMPT_INJECTION, "secrets", Builtin.SECRETS);
    /** OpenRouter's builtin slugs that only a named-entity model could honour, and Atrium ships none. */
    static final Set<String> WITHOUT_DETECTOR = Set.of("person-name", "address");

    private final JsonNode body;

    private GuardrailBody(JsonNode body, Set<String> known) {
        if (body == null || !body.isObject()) {
            throw new InvalidFieldException("body", "The body must be a JSON object");
        }
        knownFieldsOnly(body, known, "");
        this.body = body;
    }

    static GuardrailBody of(JsonNode body, Set<String> known) {
        return new GuardrailBody(body, known);
    }

    /** The name as written, else {@code current}. */
    String name(String current) {
        if (!body.has("name")) {
            return current;
        }
        JsonNode n = body.get("name");
        if (!n.isTextual()) {
            throw new InvalidFieldException("name", "name must be a string");
        }
        return n.textValue();
    }

    String description(String current) {
        return body.has("description") ? text("description", body.get("description")) : current;
    }

    String text(String field) {
        return body.has(field) ? text(field, body.get(field)) : null;
    }

    /** The rules written over {@code current}: named fields replace, absent ones stay. */
    GuardrailRules rules(GuardrailRules current) {
        Zdr z = current.zdr();
        Zdr zdr = new Zdr(bool("enforce_zdr", z.all()), bool("enforce_zdr_anthropic", z.anthropic()),
                bool("enforce_zdr_openai", z.openai()), bool("enforce_zdr_google", z.google()),
                bool("enforce_zdr_xai", z.xai()), bool("enforce_zdr_other", z.other()));
        GuardrailBudget b = current.budget();
        BigDecimal limit = body.has("limit_usd") ? limit(body.get("limit_usd")) : b.limitUsd();
        BudgetWindow window = body.has("reset_interval") ? interval(body.get("reset_interval")) : b.resetInterval();
        boolean byok = b.includeByok();
        if (body.has("include_byok_in_budgets")) {
            JsonNode n = body.get("include_byok_in_budgets");
            if (!n.isBoolean()) {
                throw new InvalidFieldException("include_byok_in_budgets", "include_byok_in_budgets must be a boolean");
            }
            byok = n.booleanValue();
        }
        return new GuardrailRules(strings("allowed_models", current.allowedModels()),
                strings("ignored_models", current.ignoredModels()),
                strings("allowed_providers", current.allowedProviders()),
                strings("ignored_providers", current.ignoredProviders()),
                strings("allowed_data_regions", current.allowedDataRegions()), zdr,
                bool("enable_free_model_publication", current.enableFreeModelPublication()),
                bool("enable_free_model_training", current.enableFreeModelTraining()),
                bool("enable_paid_model_training", current.enablePaidModelTraining()),
                list("content_filters", FILTER_FIELDS, this::pattern, current.contentFilters()),
                list("content_filter_builtins", BUILTIN_FIELDS, this::builtin, current.builtinFilters()),
                new GuardrailBudget(limit, window, byok));
    }

    /** A bulk body: {@code {"<field>": ["id", ...]}} and nothing else. */
    static List<String> ids(JsonNode body, String field) {
        GuardrailBody b = new GuardrailBody(body, Set.of(field));
        List<String> ids = b.strings(field, null);
        if (ids == null) {
            throw new InvalidFieldException(field, field + " is required");
        }
        return ids;
    }

    private ContentFilter pattern(JsonNode f) {
        String pattern = text("content_filters.pattern", f.get("pattern"));
        if (pattern == null) {
            throw new InvalidFieldException("content_filters.pattern", "A content filter needs a pattern");
        }
        return new ContentFilter(null, pattern, action("content_filters.action", f.get("action")),
                text("content_filters.label", f.get("label")));
    }

    private BuiltinFilter builtin(JsonNode f) {
        String slug = text("content_filter_builtins.slug", f.get("slug"));
        Builtin builtin = SLUGS.get(slug == null ? "" : slug);
        if (WITHOUT_DETECTOR.contains(slug)) {
            throw new InvalidFieldException("content_filter_builtins.slug", slug + " is not supported: finding people's"
                    + " names and postal addresses needs a named-entity recognition model, which Atrium does not ship,"
                    + " and a pattern would miss most of them while claiming to filter them. Use a content_filters"
                    + " pattern for the names or addresses you know");
        }
        if (builtin == null) {
            throw new InvalidFieldException("content_filter_builtins.slug", "slug must be one of "
                    + String.join(", ", SLUGS.keySet().stream().sorted().toList())
                    + " (Atrium has no detector for " + slug + ")");
        }
        String scope = text("content_filter_builtins.scan_scope", f.get("scan_scope"));
        if (scope != null && !SCAN_SCOPES.contains(scope)) {
            throw new InvalidFieldException("content_filter_builtins.scan_scope",
                    "scan_scope must be user_only or all_messages");
        }
        return new BuiltinFilter(builtin, action("content_filter_builtins.action", f.get("action")),
                text("content_filter_builtins.label", f.get("label")), scope);
    }

    private static FilterAction action(String field, JsonNode n) {
        if (n == null || !n.isTextual()) {
            throw new InvalidFieldException(field, "action must be block, redact or flag");
        }
        return FilterAction.parse(n.textValue());
    }

    private <T> List<T> list(String field, Set<String> itemFields, Function<JsonNode, T> item, List<T> current) {
        if (!body.has(field)) {
            return current;
        }
        JsonNode n = body.get(field);
        if (n.isNull()) {
            return null;
        }
        if (!n.isArray()) {
            throw new InvalidFieldException(field, field + " must be an array of objects");
        }
        List<T> items = new ArrayList<>();
        for (JsonNode entry : n) {
            if (!entry.isObject()) {
                throw new InvalidFieldException(field, field + " must be an array of objects");
            }
            knownFieldsOnly(entry, itemFields, field + ".");
            items.add(item.apply(entry));
        }
        return items;
    }

    private List<String> strings(String field, List<String> current) {
        if (!body.has(field)) {
            return current;
        }
        JsonNode n = body.get(field);
        if (n.isNull()) {
            return null;
        }
        if (!n.isArray()) {
            throw new InvalidFieldException(field, field + " must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : n) {
            if (!item.isTextual()) {
                throw new InvalidFieldException(field, field + " must be an array of strings");
            }
            values.add(item.textValue());
        }
        return values;
    }

    private Boolean bool(String field, Boolean current) {
        if (!body.has(field)) {
            return current;
        }
        JsonNode n = body.get(field);
        if (n.isNull()) {
            return null;
        }
        if (!n.isBoolean()) {
            throw new InvalidFieldException(field, field + " must be a boolean or null");
        }
        return n.booleanValue();
    }

    private static BigDecimal limit(JsonNode n) {
        if (n.isNull()) {
            return null;
        }
        if (!n.isNumber()) {
            throw new InvalidFieldException("limit_usd", "limit_usd must be a number or null");
        }
        return n.decimalValue();
    }

    private static BudgetWindow interval(JsonNode n) {
        if (n.isNull()) {
            return null;
        }
        if (!n.isTextual() || !INTERVALS.contains(n.textValue())) {
            throw new InvalidFieldException("reset_interval", "reset_interval must be daily, weekly or monthly");
        }
        return BudgetWindow.parse("reset_interval", n.textValue());
    }

    private static String text(String field, JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new InvalidFieldException(field, field + " must be a string");
        }
        return n.textValue();
    }

    private static void knownFieldsOnly(JsonNode object, Set<String> known, String prefix) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new InvalidFieldException(prefix + name, "Unknown field " + prefix + name);
            }
        }
    }
}
