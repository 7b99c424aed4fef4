package dev.rapport.consent.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Business settings of consent-service; see application.properties for what each means. */
@ConfigMapping(prefix = "rapport.consent")
public interface ConsentConfig {
    FrequencyCap frequencyCap();

    Ledger ledger();

    Bulk bulk();

    Queue queue();

    Receipt receipt();

    Decision decision();

    CompanyRules companyRules();

    /** How company rules apply (the rules themselves are data: /company-rules). */
    interface CompanyRules {
        /** Purposes no company rule applies to (messages people need, such as service notices). */
        @WithDefault("service")
        java.util.List<String> transactionalPurposes();

        /** Quiet times for a person who gave no time zone, unless the rule names a fallback zone. */
        @WithDefault("UTC")
        String defaultTimeZone();

        /** How often each instance re-reads the rules (a change made through another instance applies within this). */
        @WithDefault("PT5S")
        Duration refresh();
    }

    interface Decision {
        /**
         * A single decision not made within this long is answered 503 with Retry-After (a slow or unreachable
         * database): the caller gets a clear "not now" instead of waiting, and a sender treats it as a no.
         */
        @WithDefault("PT3S")
        Duration timeout();
    }

    interface FrequencyCap {
        @WithDefault("3")
        int maxTouches();

        @WithDefault("P7D")
        Duration window();
    }

    interface Ledger {
        @WithDefault("P3650D")
        Duration maxBackdate();
    }

    interface Bulk {
        @WithDefault("1000000")
        int maxContacts();

        @WithDefault("1000")
        int chunkSize();

        /** Chunks decided at once, each on its own connection (at most the pool size). */
        @WithDefault("4")
        int parallelChunks();
    }

    interface Queue {
        @WithDefault("PT5M")
        Duration visibilityTimeout();

        @WithDefault("500")
        int maxPull();
    }

    interface Receipt {
        @WithDefault("EU")
        String jurisdiction();

        @WithDefault("en")
        String language();

        String controllerName();

        String controllerContact();

        String controllerAddress();

        String controllerEmail();

        String controllerPhone();

        String policyUrl();
    }
}
