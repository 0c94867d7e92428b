package dev.atrium.workspace.application.service;

import dev.atrium.workspace.domain.ObservabilityDestination;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How secrets look to readers: a BYOK key by its last four characters, header values not at all. */
final class Masking {

    static final String HIDDEN = "****";

    private Masking() {
    }

    static String mask(String last4) {
        return HIDDEN + (last4 == null ? "" : last4);
    }

    static List<ObservabilityDestination> destinations(List<ObservabilityDestination> destinations) {
        return destinations.stream().map(d -> {
            Map<String, String> masked = new LinkedHashMap<>();
            d.headers().keySet().forEach(name -> masked.put(name, HIDDEN));
            return new ObservabilityDestination(d.type(), d.endpoint(), masked, d.samplingRate(), d.privacyMode());
        }).toList();
    }
}
