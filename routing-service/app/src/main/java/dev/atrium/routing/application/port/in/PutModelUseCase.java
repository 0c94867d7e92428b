package dev.atrium.routing.application.port.in;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.routing.domain.Capabilities;
import dev.atrium.routing.domain.Model;
import java.util.regex.Pattern;

public interface PutModelUseCase {

    /** Creates or replaces a model and publishes it with its endpoints (their context follows it). */
    Model put(PutModelCommand command);

    record PutModelCommand(Model model) {

        private static final Pattern PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

        public static PutModelCommand of(String author, String slug, String name, Integer contextLength,
                Boolean tools, Boolean jsonMode, Boolean vision, Boolean streaming) {
            if (author == null || slug == null || !PART.matcher(author).matches() || !PART.matcher(slug).matches()) {
                throw new InvalidFieldException("model", "model ids read author/slug of letters, digits, '.', '_' and '-'");
            }
            CatalogInput.text(name, "name", 200);
            if (contextLength == null) {
                throw new InvalidFieldException("context_length", "context_length is required");
            }
            CatalogInput.positive(contextLength, "context_length");
            return new PutModelCommand(new Model(author + "/" + slug, name, contextLength,
                    new Capabilities(Boolean.TRUE.equals(tools), Boolean.TRUE.equals(jsonMode),
                            Boolean.TRUE.equals(vision), !Boolean.FALSE.equals(streaming))));
        }
    }
}
