package dev.rapport.contacts.signal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/** Every signal's threshold; change them in configuration, not code. */
@ConfigMapping(prefix = "rapport.signals")
public interface SignalConfig {
    SpendThreshold spendThreshold();

    OverdueBuyer overdueBuyer();

    Disengaging disengaging();

    NotThanked notThanked();

    interface SpendThreshold {
        /** Lifetime spend (in rapport.value.currency) that makes a customer worth a personal word. */
        @WithDefault("1000")
        BigDecimal amount();
    }

    interface OverdueBuyer {
        /** Purchases needed before a rhythm is trusted. */
        @WithDefault("3")
        int minPurchases();

        /** Overdue when the time since the last purchase exceeds the usual interval times this. */
        @WithDefault("1.5")
        double tolerance();
    }

    interface Disengaging {
        /** The last this-many e-mail events were all opens, none a click… */
        @WithDefault("5")
        int opensWithoutClick();

        /** …and nothing at all has happened for this many days. */
        @WithDefault("30")
        int silentDays();
    }

    interface NotThanked {
        @WithDefault("500")
        BigDecimal minLifetimeSpend();

        /** Days without a THANK_YOU or FEEDBACK_REQUEST interaction. */
        @WithDefault("90")
        int days();
    }
}
