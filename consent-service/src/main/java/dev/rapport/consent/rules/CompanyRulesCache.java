package dev.rapport.consent.rules;

import dev.rapport.consent.common.ConsentConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The company's rules as decisions read them: held in memory, so a decision (one contact or a chunk of a million)
 * costs no statement for them. Re-read after every change made through this instance, and every
 * {@code rapport.consent.company-rules.refresh} for changes made through another.
 */
@ApplicationScoped
public class CompanyRulesCache {
    private static final Logger LOG = Logger.getLogger(CompanyRulesCache.class);

    @Inject
    CompanyRulesQueries queries;
    @Inject
    ConsentConfig config;

    private final AtomicLong started = new AtomicLong();
    private long applied;
    private volatile CompanyRules current;

    /** The rules now (read once if they never were). */
    public Uni<CompanyRules> rules() {
        CompanyRules c = current;
        return c != null ? Uni.createFrom().item(c) : reload();
    }

    /** Reads the rules again; a read that started before another one finished never replaces the newer answer. */
    public Uni<CompanyRules> reload() {
        long generation = started.incrementAndGet();
        return view().map(v -> {
            CompanyRules read = new CompanyRules(v.caps().stream().map(CapView::rule).toList(),
                    v.quietDates().stream().map(QuietDatesView::rule).toList(),
                    v.quietHours().stream().map(QuietHoursView::rule).toList(),
                    new HashSet<>(v.transactionalPurposes()), ZoneId.of(v.defaultTimeZone()));
            synchronized (this) {
                if (generation > applied) {
                    applied = generation;
                    current = read;
                }
                return current;
            }
        });
    }

    /** Every rule as the API shows them, with the settings from configuration. */
    public Uni<CompanyRulesView> view() {
        ConsentConfig.CompanyRules settings = config.companyRules();
        return queries.all(settings.transactionalPurposes(), settings.defaultTimeZone());
    }

    @Scheduled(every = "${rapport.consent.company-rules.refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return reload().replaceWithVoid().onFailure().invoke(e -> LOG.warnf("Company rules not re-read: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }
}
