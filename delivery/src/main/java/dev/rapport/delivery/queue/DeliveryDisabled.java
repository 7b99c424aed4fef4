package dev.rapport.delivery.queue;

import dev.rapport.delivery.DeliveryConfig;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** {@code rapport.delivery.enabled=false} pauses the scheduler (the unsubscribe endpoint keeps working). */
@Singleton
public class DeliveryDisabled implements Scheduled.SkipPredicate {
    @Inject
    DeliveryConfig config;

    @Override
    public boolean test(ScheduledExecution execution) {
        return !config.enabled();
    }
}
