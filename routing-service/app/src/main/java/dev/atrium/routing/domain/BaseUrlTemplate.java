package dev.atrium.routing.domain;

/**
 * The local override of every provider's base URL, e.g. {@code http://127.0.0.1:8090/p/{provider}}:
 * applied when the catalogue is read, so a restart with another simulator address takes effect.
 *
 * @param template null when providers keep their catalogue base URLs
 */
public record BaseUrlTemplate(String template) {

    public static final String PLACEHOLDER = "{provider}";

    public BaseUrlTemplate {
        if (template != null && template.isBlank()) {
            template = null;
        }
        if (template != null && !template.contains(PLACEHOLDER)) {
            throw new IllegalArgumentException("the base URL template must contain " + PLACEHOLDER + ": " + template);
        }
    }

    public static BaseUrlTemplate none() {
        return new BaseUrlTemplate(null);
    }

    /** Whether the local override (and with it the local providers) is on. */
    public boolean active() {
        return template != null;
    }

    public Provider applyTo(Provider provider) {
        if (template == null) {
            return provider;
        }
        String url = template.replace(PLACEHOLDER, provider.id());
        return provider.withBaseUrl(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    public Catalog applyTo(Catalog catalog) {
        return active() ? catalog.mapProviders(this::applyTo) : catalog;
    }
}
