package dev.atrium.common.events;

import java.util.Properties;
import org.eclipse.microprofile.config.Config;

/**
 * Client settings for producers made by hand: every {@code kafka.*} property (bootstrap servers,
 * and on a secured cluster {@code kafka.security.protocol}, {@code kafka.sasl.*},
 * {@code kafka.ssl.*}), the same ones Quarkus gives its messaging channels.
 */
public final class KafkaSettings {

    private KafkaSettings() {
    }

    public static Properties from(Config config) {
        Properties props = new Properties();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("kafka.") && !name.equals("kafka.devservices.enabled")) {
                config.getOptionalValue(name, String.class)
                        .ifPresent(value -> props.put(name.substring("kafka.".length()), value));
            }
        }
        return props;
    }
}
