package dev.atrium.common.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * Management request bodies refuse a field they do not know: a client generated from an older or
 * wrong document would otherwise lose data silently (a preset saved with {@code systemPrompt} had no
 * system prompt). The refusal is a 400 naming the field (see ErrorMappers).
 *
 * <p>Strict only for the types a service's management API declares, those in its
 * {@code ...adapter.in.rest} package. The contracts in the {@code api} modules (internal routes,
 * events), JsonNode and Map bodies (the gateway's chat body passes unknown fields through) and every
 * mapper used outside Quarkus REST (Kafka consumers, clients) keep ignoring unknown fields, so that a
 * producer may add a field before its consumers know it.
 */
@Provider
public class StrictManagementBodies implements ContextResolver<ObjectMapper> {

    static final String MANAGEMENT_PACKAGE_SUFFIX = ".adapter.in.rest";

    private final ObjectMapper lenient;
    private final ObjectMapper strict;

    @Inject
    public StrictManagementBodies(ObjectMapper mapper) {
        this.lenient = mapper;
        this.strict = mapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return isManagementBody(type) ? strict : lenient;
    }

    static boolean isManagementBody(Class<?> type) {
        return type != null && type.getPackageName().endsWith(MANAGEMENT_PACKAGE_SUFFIX);
    }
}
