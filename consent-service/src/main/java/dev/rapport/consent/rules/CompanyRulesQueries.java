package dev.rapport.consent.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.consent.common.Channel;
import dev.rapport.platform.id.Ids;
import dev.rapport.platform.json.StoredJson;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** The company-rule tables and their audit (company_rule_changes): every statement and row mapper for them. */
@ApplicationScoped
public class CompanyRulesQueries {
    private static final String CAPS = "select id, channel, purpose, max_touches, window_days, note, version, updated_at, "
            + "updated_by from company_caps";
    private static final String DATES = "select id, name, start_date, end_date, channel, fallback_time_zone, version, "
            + "updated_at, updated_by from company_quiet_dates";
    private static final String HOURS = "select id, channel, start_time, end_time, fallback_time_zone, version, updated_at, "
            + "updated_by from company_quiet_hours";

    @Inject
    Pool pool;
    @Inject
    StoredJson json;

    /** Runs {@code work} in one transaction: a rule's change and its audit entry commit together. */
    <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work);
    }

    /** Every rule, in a stable order. */
    public Uni<CompanyRulesView> all(List<String> transactionalPurposes, String defaultTimeZone) {
        return pool.withConnection(c -> list(c, CAPS + " order by channel nulls first, purpose nulls first", CompanyRulesQueries::cap)
                .chain(caps -> list(c, DATES + " order by start_date, id", CompanyRulesQueries::dates)
                        .chain(dates -> list(c, HOURS + " order by channel nulls first", CompanyRulesQueries::hours)
                                .map(hours -> new CompanyRulesView(caps, dates, hours, transactionalPurposes, defaultTimeZone)))));
    }

    Uni<CapView> cap(SqlClient c, UUID id) {
        return one(c, CAPS + " where id = $1 for update", id, CompanyRulesQueries::cap);
    }

    Uni<QuietDatesView> quietDates(SqlClient c, UUID id) {
        return one(c, DATES + " where id = $1 for update", id, CompanyRulesQueries::dates);
    }

    Uni<QuietHoursView> quietHours(SqlClient c, UUID id) {
        return one(c, HOURS + " where id = $1 for update", id, CompanyRulesQueries::hours);
    }

    Uni<Boolean> purposeExists(SqlClient c, String code) {
        return c.preparedQuery("select 1 from purposes where code = $1").execute(Tuple.of(code)).map(rows -> rows.size() > 0);
    }

    /** Inserts or replaces (by id) a cap. */
    Uni<Void> save(SqlClient c, CapView v) {
        return c.preparedQuery("""
                insert into company_caps (id, channel, purpose, max_touches, window_days, note, version, updated_at, updated_by)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                on conflict (id) do update set channel = excluded.channel, purpose = excluded.purpose,
                  max_touches = excluded.max_touches, window_days = excluded.window_days, note = excluded.note,
                  version = excluded.version, updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """).execute(Tuple.from(Arrays.asList(v.id(), name(v.channel()), v.purpose(), v.maxTouches(), v.windowDays(),
                v.note(), v.version(), utc(v.updatedAt()), v.updatedBy()))).replaceWithVoid();
    }

    Uni<Void> save(SqlClient c, QuietDatesView v) {
        return c.preparedQuery("""
                insert into company_quiet_dates (id, name, start_date, end_date, channel, fallback_time_zone, version, updated_at,
                                                 updated_by)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                on conflict (id) do update set name = excluded.name, start_date = excluded.start_date,
                  end_date = excluded.end_date, channel = excluded.channel, fallback_time_zone = excluded.fallback_time_zone,
                  version = excluded.version, updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """).execute(Tuple.from(Arrays.asList(v.id(), v.name(), v.startDate(), v.endDate(), name(v.channel()),
                v.fallbackTimeZone(), v.version(), utc(v.updatedAt()), v.updatedBy()))).replaceWithVoid();
    }

    Uni<Void> save(SqlClient c, QuietHoursView v) {
        return c.preparedQuery("""
                insert into company_quiet_hours (id, channel, start_time, end_time, fallback_time_zone, version, updated_at,
                                                 updated_by)
                values ($1, $2, $3, $4, $5, $6, $7, $8)
                on conflict (id) do update set channel = excluded.channel, start_time = excluded.start_time,
                  end_time = excluded.end_time, fallback_time_zone = excluded.fallback_time_zone, version = excluded.version,
                  updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """).execute(Tuple.from(Arrays.asList(v.id(), name(v.channel()), LocalTime.parse(v.start()),
                LocalTime.parse(v.end()), v.fallbackTimeZone(), v.version(), utc(v.updatedAt()), v.updatedBy())))
                .replaceWithVoid();
    }

    Uni<Void> delete(SqlClient c, RuleKind kind, UUID id) {
        String table = switch (kind) {
            case CAP -> "company_caps";
            case QUIET_DATES -> "company_quiet_dates";
            case QUIET_HOURS -> "company_quiet_hours";
        };
        return c.preparedQuery("delete from " + table + " where id = $1").execute(Tuple.of(id)).replaceWithVoid();
    }

    /** Appends one change to the audit. */
    Uni<Void> audit(SqlClient c, RuleKind kind, UUID ruleId, String action, String actor, Instant at, Object before, Object after) {
        return c.preparedQuery("insert into company_rule_changes (id, rule_kind, rule_id, action, actor, changed_at, before, after) "
                        + "values ($1, $2, $3, $4, $5, $6, $7::text::jsonb, $8::text::jsonb)")
                .execute(Tuple.from(Arrays.asList(Ids.newId(), kind.name(), ruleId, action, actor, utc(at),
                        before == null ? null : json.write(before), after == null ? null : json.write(after))))
                .replaceWithVoid();
    }

    /** Changes newest first, optionally of one rule, older than {@code before} (a change id), at most {@code limit}. */
    public Uni<List<RuleChangeView>> changes(UUID ruleId, UUID before, int limit) {
        return pool.preparedQuery("select id, rule_kind, rule_id, action, actor, changed_at, before::text as before, "
                        + "after::text as after from company_rule_changes where ($1::uuid is null or rule_id = $1) "
                        + "and ($2::uuid is null or id < $2) order by id desc limit $3")
                .execute(Tuple.of(ruleId, before, limit))
                .map(rows -> {
                    List<RuleChangeView> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new RuleChangeView(r.getUUID("id"), RuleKind.valueOf(r.getString("rule_kind")),
                                r.getUUID("rule_id"), r.getString("action"), r.getString("actor"),
                                r.getOffsetDateTime("changed_at").toInstant(), tree(r.getString("before")),
                                tree(r.getString("after"))));
                    }
                    return out;
                });
    }

    private JsonNode tree(String text) {
        return text == null ? null : json.read(text, JsonNode.class);
    }

    private static <T> Uni<List<T>> list(SqlClient c, String sql, Function<Row, T> mapper) {
        return c.preparedQuery(sql).execute().map(rows -> {
            List<T> out = new ArrayList<>();
            rows.forEach(r -> out.add(mapper.apply(r)));
            return out;
        });
    }

    private static <T> Uni<T> one(SqlClient c, String sql, UUID id, Function<Row, T> mapper) {
        return c.preparedQuery(sql).execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : mapper.apply(rows.iterator().next()));
    }

    private static CapView cap(Row r) {
        return new CapView(r.getUUID("id"), channel(r), r.getString("purpose"), r.getInteger("max_touches"),
                r.getInteger("window_days"), r.getString("note"), r.getLong("version"), instant(r), r.getString("updated_by"));
    }

    private static QuietDatesView dates(Row r) {
        return new QuietDatesView(r.getUUID("id"), r.getString("name"), r.getLocalDate("start_date"), r.getLocalDate("end_date"),
                channel(r), r.getString("fallback_time_zone"), r.getLong("version"), instant(r), r.getString("updated_by"));
    }

    private static QuietHoursView hours(Row r) {
        return new QuietHoursView(r.getUUID("id"), channel(r), hhmm(r.getLocalTime("start_time")), hhmm(r.getLocalTime("end_time")),
                r.getString("fallback_time_zone"), r.getLong("version"), instant(r), r.getString("updated_by"));
    }

    private static String hhmm(LocalTime t) {
        return String.format("%02d:%02d", t.getHour(), t.getMinute());
    }

    private static Channel channel(Row r) {
        String c = r.getString("channel");
        return c == null ? null : Channel.valueOf(c);
    }

    private static Instant instant(Row r) {
        return r.getOffsetDateTime("updated_at").toInstant();
    }

    private static String name(Channel c) {
        return c == null ? null : c.name();
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
