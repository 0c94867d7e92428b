package dev.atrium.workspace.application.port.in;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.workspace.domain.Preset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

public interface SavePresetUseCase {

    /** Writes the next version of the preset (version 1 for a new slug). */
    Preset save(SavePresetCommand command);

    record SavePresetCommand(String workspaceId, String slug, String systemPrompt, String model,
            Map<String, Object> parameters, List<String> lockedParameters, Map<String, Object> provider) {

        public static final Set<String> PARAMETERS = Set.of("temperature", "top_p", "top_k", "max_tokens", "stop",
                "frequency_penalty", "presence_penalty", "repetition_penalty", "seed", "response_format",
                "reasoning", "min_p", "top_a", "logit_bias");

        public static SavePresetCommand of(String workspaceId, String slug, String systemPrompt, String model,
                Map<String, Object> parameters, List<String> lockedParameters, Map<String, Object> provider) {
            if (systemPrompt != null && systemPrompt.length() > 100_000) {
                throw new InvalidFieldException("system_prompt", "system_prompt must be at most 100000 characters");
            }
            Commands.model("model", model);
            Map<String, Object> params = parameters == null ? Map.of() : parameters;
            params.forEach(SavePresetCommand::checkParameter);
            List<String> locked = lockedParameters == null ? List.of() : lockedParameters;
            for (String name : locked) {
                if (name == null || !PARAMETERS.contains(name) && !"model".equals(name)
                        && !"provider".equals(name)) {
                    throw new InvalidFieldException("locked_parameters", "unknown parameter in locked_parameters: "
                            + name);
                }
            }
            return new SavePresetCommand(workspaceId, Commands.slug(slug).value(), systemPrompt, model, params,
                    List.copyOf(new LinkedHashSet<>(locked)), provider);
        }

        private static void checkParameter(String name, Object value) {
            String field = "parameters." + name;
            if (!PARAMETERS.contains(name)) {
                throw new InvalidFieldException(field, "unknown parameter " + name);
            }
            switch (name) {
                case "temperature" -> range(field, value, 0, 2);
                case "top_p", "min_p", "top_a" -> range(field, value, 0, 1);
                case "frequency_penalty", "presence_penalty" -> range(field, value, -2, 2);
                case "repetition_penalty" -> range(field, value, 0, 2);
                case "max_tokens", "top_k" -> {
                    if (!(value instanceof Number n) || n.doubleValue() < 1 || n.doubleValue() != Math.floor(
                            n.doubleValue())) {
                        throw new InvalidFieldException(field, name + " must be a positive integer");
                    }
                }
                case "stop" -> {
                    if (!(value instanceof String) && !(value instanceof List<?> l
                            && l.stream().allMatch(String.class::isInstance) && l.size() <= 4)) {
                        throw new InvalidFieldException(field, "stop must be a string or up to 4 strings");
                    }
                }
                default -> {
                    if (value == null) {
                        throw new InvalidFieldException(field, name + " must not be null");
                    }
                }
            }
        }

        private static void range(String field, Object value, double min, double max) {
            if (!(value instanceof Number n) || n.doubleValue() < min || n.doubleValue() > max) {
                throw new InvalidFieldException(field, field + " must be a number from " + min + " to " + max);
            }
        }
    }
}
