package dev.atrium.guardrail.application.port.in;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.guardrail.api.CheckRequest;
import dev.atrium.guardrail.api.CheckResult;
import dev.atrium.guardrail.domain.budget.Holder;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

public interface CheckPolicyUseCase {

    /**
     * Allow or deny (403 policy or content, 429 rate, 402 budget or credits, with the limit and level
     * named); when allowed, the constraints routing must honour and the reservation holding the
     * request's worst case.
     */
    CheckResult check(CheckCommand command);

    record CheckCommand(String organizationId, String workspaceId, String keyId, String ownerUserId,
            List<String> models, long estimatedPromptTokens, Integer maxTokens, String text, int choices,
            boolean dryRun, String reservationId, Holder holder) {

        /**
         * The gateway's largest body (4 MiB): the text always comes; the content filters scan at most
         * {@code ContentScan.Bounds} of it and refuse a longer one, but a request with no filter in force
         * is not refused for its size.
         */
        static final int MAX_TEXT = 4 << 20;
        private static final Pattern RESERVATION_ID = Pattern.compile("res_[0-9a-f]{32}");
        /** OpenAI's own bound on {@code n}. */
        static final int MAX_CHOICES = 128;

        public CheckCommand(String organizationId, String workspaceId, String keyId, String ownerUserId,
                List<String> models, long estimatedPromptTokens, Integer maxTokens, String text) {
            this(organizationId, workspaceId, keyId, ownerUserId, models, estimatedPromptTokens, maxTokens, text, 1,
                    false, null, null);
        }

        public static CheckCommand of(CheckRequest request) {
            if (request == null) {
                throw new InvalidFieldException("organization_id", "organization_id is required");
            }
            if (request.maxTokens() != null && request.maxTokens() < 1) {
                throw new InvalidFieldException("max_tokens", "max_tokens must be greater than 0");
            }
            if (request.estimatedPromptTokens() < 0) {
                throw new InvalidFieldException("estimated_prompt_tokens", "estimated_prompt_tokens must be at least 0");
            }
            if (request.text() != null && request.text().length() > MAX_TEXT) {
                throw new InvalidFieldException("text", "text may have at most " + MAX_TEXT + " characters");
            }
            if (request.choices() != null && (request.choices() < 1 || request.choices() > MAX_CHOICES)) {
                throw new InvalidFieldException("choices", "choices must be between 1 and " + MAX_CHOICES);
            }
            if (request.reservationId() != null && !RESERVATION_ID.matcher(request.reservationId()).matches()) {
                throw new InvalidFieldException("reservation_id", "reservation_id must be res_ and 32 hex digits");
            }
            List<String> models = request.models() == null ? List.of()
                    : request.models().stream().filter(Objects::nonNull).toList();
            return new CheckCommand(InvalidFieldException.requireText("organization_id", request.organizationId(), 64),
                    InvalidFieldException.requireText("workspace_id", request.workspaceId(), 64),
                    blankToNull(request.keyId()), blankToNull(request.ownerUserId()), models,
                    request.estimatedPromptTokens(), request.maxTokens(), request.text(),
                    request.choices() == null ? 1 : request.choices(), request.dryRun(), request.reservationId(),
                    request.holder() == null ? null : ReleasePreviousLivesUseCase.holder("holder.", request.holder()));
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }
}
