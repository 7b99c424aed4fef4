package dev.rapport.contacts.value;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "rapport.value")
public interface ValueConfig {
    /** The currency headline figures and value-range search use; other currencies are listed beside it. */
    @WithDefault("EUR")
    String currency();
}
