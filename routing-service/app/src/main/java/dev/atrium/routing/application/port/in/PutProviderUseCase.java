package dev.atrium.routing.application.port.in;

import dev.atrium.common.error.InvalidFieldException;
import dev.atrium.routing.api.DataPolicy;
import dev.atrium.routing.api.DataRegions;
import dev.atrium.routing.domain.Protocol;
import dev.atrium.routing.domain.Provider;
import java.net.URI;
import java.util.regex.Pattern;

public interface PutProviderUseCase {

    /** Creates or replaces a provider and publishes it with its endpoints (their data policy follows it). */
    Provider put(PutProviderCommand command);

    record PutProviderCommand(Provider provider) {

        private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

        public static PutProviderCommand of(String id, String name, String baseUrl, String protocol,
                Boolean zdr, Boolean retainsPrompts, Boolean trainsOnData, String region, String dataRegion) {
            if (id == null || !ID.matcher(id).matches()) {
                throw new InvalidFieldException("provider", "provider ids are lower case letters, digits, '.', '_' and '-'");
            }
            CatalogInput.text(name, "name", 200);
            CatalogInput.text(baseUrl, "base_url", 500);
            try {
                URI uri = URI.create(baseUrl);
                if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                    throw new IllegalArgumentException("not an absolute http(s) URL");
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("base_url", "base_url must be an absolute http or https URL");
            }
            if (baseUrl.endsWith("/")) {
                throw new InvalidFieldException("base_url", "base_url must not end with '/'");
            }
            Protocol parsed;
            try {
                parsed = Protocol.parse(protocol);
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("protocol", e.getMessage());
            }
            DataPolicy policy = new DataPolicy(CatalogInput.flag(zdr, "data_policy.zdr"),
                    CatalogInput.flag(retainsPrompts, "data_policy.retains_prompts"),
                    CatalogInput.flag(trainsOnData, "data_policy.trains_on_data"));
            if (region != null && region.length() > 20) {
                throw new InvalidFieldException("region", "region must be at most 20 characters");
            }
            if (dataRegion != null && !DataRegions.isKnown(dataRegion)) {
                throw new InvalidFieldException("data_region", "data_region must be one of "
                        + String.join(", ", DataRegions.ALL) + " (OpenRouter's data regions), or absent for global");
            }
            return new PutProviderCommand(new Provider(id, name, baseUrl, parsed, policy, region, dataRegion));
        }
    }
}
