package dev.rapport.consent.rules;

import dev.rapport.platform.id.Ids;
import dev.rapport.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Admins' changes to the company's rules: validated, written with their audit entry in one transaction (who, when,
 * before and after), then re-read by {@link CompanyRulesCache} before the answer, so the next decision applies them.
 */
@ApplicationScoped
public class CompanyRulesService {
    static final int MAX_CHANGES = 500;
    private static final Function<SqlConnection, Uni<Void>> NO_CHECK = c -> Uni.createFrom().voidItem();

    @Inject
    CompanyRulesQueries queries;
    @Inject
    CompanyRulesCache cache;

    public Uni<CompanyRulesView> all() {
        return cache.view();
    }

    public Uni<List<RuleChangeView>> changes(UUID ruleId, UUID before, int limit) {
        return queries.changes(ruleId, before, Math.max(1, Math.min(limit, MAX_CHANGES)));
    }

    // --- caps ------------------------------------------------------------------------------------------------------

    public Uni<CapView> createCap(CapInput in, String actor) {
        validate(in);
        UUID id = Ids.newId();
        return write(RuleKind.CAP, id, null, null, CapView::version, actor, (before, now) -> capView(id, in, 0, now, actor),
                queries::save, c -> requirePurpose(c, in.purpose()));
    }

    public Uni<CapView> replaceCap(UUID id, CapInput in, String actor) {
        validate(in);
        return write(RuleKind.CAP, id, in.version(), queries::cap, CapView::version, actor,
                (before, now) -> capView(id, in, before.version() + 1, now, actor), queries::save,
                c -> requirePurpose(c, in.purpose()));
    }

    public Uni<Void> deleteCap(UUID id, String actor) {
        return delete(RuleKind.CAP, id, queries::cap, actor);
    }

    private static CapView capView(UUID id, CapInput in, long version, Instant now, String actor) {
        return new CapView(id, in.channel(), in.purpose(), in.maxTouches(), in.windowDays(), blankToNull(in.note()), version, now,
                actor);
    }

    static void validate(CapInput in) {
        if (in.channel() == null && in.purpose() == null) {
            throw ProblemException.badField("channel", "a cap counts a channel, a purpose or both: name at least one");
        }
    }

    // --- quiet dates -----------------------------------------------------------------------------------------------

    public Uni<QuietDatesView> createQuietDates(QuietDatesInput in, String actor) {
        validate(in);
        UUID id = Ids.newId();
        return write(RuleKind.QUIET_DATES, id, null, null, QuietDatesView::version, actor,
                (before, now) -> datesView(id, in, 0, now, actor), queries::save, NO_CHECK);
    }

    public Uni<QuietDatesView> replaceQuietDates(UUID id, QuietDatesInput in, String actor) {
        validate(in);
        return write(RuleKind.QUIET_DATES, id, in.version(), queries::quietDates, QuietDatesView::version, actor,
                (before, now) -> datesView(id, in, before.version() + 1, now, actor), queries::save, NO_CHECK);
    }

    public Uni<Void> deleteQuietDates(UUID id, String actor) {
        return delete(RuleKind.QUIET_DATES, id, queries::quietDates, actor);
    }

    private static QuietDatesView datesView(UUID id, QuietDatesInput in, long version, Instant now, String actor) {
        return new QuietDatesView(id, in.name().strip(), in.startDate(), in.endDate(), in.channel(),
                blankToNull(in.fallbackTimeZone()), version, now, actor);
    }

    static void validate(QuietDatesInput in) {
        if (in.endDate().isBefore(in.startDate())) {
            throw ProblemException.badField("endDate", "must not be before startDate");
        }
        if (in.endDate().isAfter(in.startDate().plusDays(366))) {
            throw ProblemException.badField("endDate", "quiet dates span at most a year");
        }
        validateZone(in.fallbackTimeZone());
    }

    // --- quiet hours -----------------------------------------------------------------------------------------------

    public Uni<QuietHoursView> createQuietHours(QuietHoursInput in, String actor) {
        validate(in);
        UUID id = Ids.newId();
        return write(RuleKind.QUIET_HOURS, id, null, null, QuietHoursView::version, actor,
                (before, now) -> hoursView(id, in, 0, now, actor), queries::save, NO_CHECK);
    }

    public Uni<QuietHoursView> replaceQuietHours(UUID id, QuietHoursInput in, String actor) {
        validate(in);
        return write(RuleKind.QUIET_HOURS, id, in.version(), queries::quietHours, QuietHoursView::version, actor,
                (before, now) -> hoursView(id, in, before.version() + 1, now, actor), queries::save, NO_CHECK);
    }

    public Uni<Void> deleteQuietHours(UUID id, String actor) {
        return delete(RuleKind.QUIET_HOURS, id, queries::quietHours, actor);
    }

    private static QuietHoursView hoursView(UUID id, QuietHoursInput in, long version, Instant now, String actor) {
        return new QuietHoursView(id, in.channel(), in.start(), in.end(), blankToNull(in.fallbackTimeZone()), version, now, actor);
    }

    static void validate(QuietHoursInput in) {
        if (LocalTime.parse(in.start()).equals(LocalTime.parse(in.end()))) {
            throw ProblemException.badField("end", "must differ from start");
        }
        validateZone(in.fallbackTimeZone());
    }

    // --- the one write path ----------------------------------------------------------------------------------------

    /**
     * Creates ({@code read} null) or replaces a rule: checks, writes and audits in one transaction; then the cache is
     * re-read. A rule of the same scope as another (one cap per channel and purpose, one set of quiet hours per
     * channel) is a 409.
     */
    private <V> Uni<V> write(RuleKind kind, UUID id, Long version, BiFunction<SqlConnection, UUID, Uni<V>> read,
            ToLongFunction<V> versionOf, String actor, BiFunction<V, Instant, V> next,
            BiFunction<SqlConnection, V, Uni<Void>> save, Function<SqlConnection, Uni<Void>> check) {
        boolean create = read == null;
        if (!create && version == null) {
            return Uni.createFrom().failure(ProblemException.badField("version", "is required when replacing"));
        }
        return queries.inTransaction(c -> check.apply(c)
                .chain(() -> create ? Uni.createFrom().<V>nullItem() : read.apply(c, id))
                .chain(before -> {
                    if (!create && before == null) {
                        throw ProblemException.notFound("Company rule", id);
                    }
                    if (!create && versionOf.applyAsLong(before) != version) {
                        throw ProblemException.conflict("version-conflict",
                                "The rule is at version " + versionOf.applyAsLong(before) + ", not " + version);
                    }
                    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    V after = next.apply(before, now);
                    return save.apply(c, after)
                            .chain(() -> queries.audit(c, kind, id, create ? "CREATED" : "UPDATED", actor, now, before, after))
                            .replaceWith(after);
                }))
                .onFailure(CompanyRulesService::sameScope).transform(e -> ProblemException.conflict("duplicate-scope",
                        "A " + kind + " rule for this channel and purpose exists; change that one"))
                .call(cache::reload);
    }

    private <V> Uni<Void> delete(RuleKind kind, UUID id, BiFunction<SqlConnection, UUID, Uni<V>> read, String actor) {
        return queries.inTransaction(c -> read.apply(c, id).chain(before -> {
            if (before == null) {
                throw ProblemException.notFound("Company rule", id);
            }
            return queries.delete(c, kind, id)
                    .chain(() -> queries.audit(c, kind, id, "DELETED", actor, Instant.now().truncatedTo(ChronoUnit.MICROS),
                            before, null));
        })).call(cache::reload);
    }

    private Uni<Void> requirePurpose(SqlConnection c, String purpose) {
        if (purpose == null) {
            return Uni.createFrom().voidItem();
        }
        return queries.purposeExists(c, purpose).map(exists -> {
            if (!exists) {
                throw ProblemException.ruleOnField("unknown-purpose", "purpose", "is not a defined purpose");
            }
            return null;
        });
    }

    private static boolean sameScope(Throwable e) {
        return e instanceof PgException pg && "23505".equals(pg.getSqlState());
    }

    static void validateZone(String zone) {
        if (zone == null || zone.isBlank()) {
            return;
        }
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw ProblemException.badField("fallbackTimeZone", "is not an IANA time zone such as Europe/Paris");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
