package dev.rapport.contacts.value;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

@ConfigMapping(prefix = "rapport.lead-score")
public interface LeadScoreConfig {
    /** Older behaviour counts less: an interaction's weight halves every this many days. */
    @WithDefault("30")
    double halfLifeDays();

    /** Points per interaction type (keys like {@code email-click}); unlisted types score 0. */
    Map<String, Double> weights();
}
