package dev.rapport.contacts.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rapport.contacts.signal.SignalRules.Due;
import dev.rapport.contacts.signal.SignalRules.FollowUp;
import dev.rapport.contacts.signal.SignalRules.Interaction;
import dev.rapport.contacts.value.ValueConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The SQL of the signal rules ({@link SignalQueries}, set-based over every contact) and the pure rules
 * ({@link SignalRules}) must agree: each case of {@link SignalCases} is seeded as one contact's rows, the SQL is run over
 * all of them in one statement, and for every contact it must answer exactly what the pure rules answer for the same
 * rows (kinds, since, tiebreak), and what the table says is due.
 */
@QuarkusTest
class SignalRulesAgreeTest {
    @Inject
    AgroalDataSource db;
    @Inject
    SignalQueries queries;
    @Inject
    SignalConfig signals;
    @Inject
    ValueConfig value;

    @Test
    void theSqlAnswersWhatThePureRulesAnswerForEveryCase() throws Exception {
        Instant now = Instant.now();
        List<SignalCases.Case> cases = SignalCases.all(now);
        Map<UUID, SignalCases.Case> byContact = new HashMap<>();
        try (Connection c = db.getConnection()) {
            for (SignalCases.Case k : cases) {
                UUID contact = UUID.randomUUID();
                byContact.put(contact, k);
                seed(c, contact, k.facts(), now);
            }
        }
        Map<UUID, List<Due>> sql = new HashMap<>();
        Instant dbNow;
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("with " + queries.cte()
                        + " select contact_id, kind, since, tiebreak, now() as at from due_signals where contact_id = any(?)")) {
            s.setArray(1, c.createArrayOf("uuid", byContact.keySet().toArray()));
            dbNow = now;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    dbNow = rs.getObject("at", OffsetDateTime.class).toInstant();
                    sql.computeIfAbsent(rs.getObject("contact_id", UUID.class), x -> new ArrayList<>()).add(new Due(
                            SignalKind.valueOf(rs.getString("kind")), rs.getObject("since", OffsetDateTime.class).toInstant(),
                            rs.getString("tiebreak")));
                }
            }
        }
        SignalRules.Thresholds thresholds = SignalRules.Thresholds.of(signals, value);
        for (Map.Entry<UUID, SignalCases.Case> e : byContact.entrySet()) {
            SignalCases.Case k = e.getValue();
            List<Due> fromSql = sorted(sql.getOrDefault(e.getKey(), List.of()));
            List<Due> pure = sorted(SignalRules.due(k.facts(), thresholds, dbNow));
            assertEquals(k.due(), fromSql.stream().map(Due::kind).collect(Collectors.toSet()), k.name() + ": the SQL");
            assertEquals(pure.size(), fromSql.size(), k.name() + ": " + pure + " vs " + fromSql);
            for (int i = 0; i < pure.size(); i++) {
                Due p = pure.get(i);
                Due q = fromSql.get(i);
                assertEquals(p.kind(), q.kind(), k.name());
                assertEquals(p.tiebreak(), q.tiebreak(), k.name());
                assertTrue(Duration.between(p.since(), q.since()).abs().toMillis() < 1,
                        k.name() + ": " + p.kind() + " since " + p.since() + " (pure) vs " + q.since() + " (SQL)");
            }
        }
    }

    private static List<Due> sorted(List<Due> due) {
        return due.stream().sorted(Comparator.comparing(Due::kind).thenComparing(Due::tiebreak)).toList();
    }

    private static void seed(Connection c, UUID contact, SignalRules.Facts f, Instant now) throws Exception {
        exec(c, "insert into contacts (id, display_name, lifecycle_stage, created_at, updated_at) values (?, 'Signal case', 'CUSTOMER', ?, ?)",
                contact, ts(now), ts(now));
        for (Interaction i : f.interactions()) {
            exec(c, "insert into interactions (id, contact_id, type, occurred_at, recorded_at, source, external_id, amount, currency) "
                    + "values (?, ?, ?, ?, ?, 'signal-test', ?, ?, ?)", i.id(), contact, i.type(), ts(i.occurredAt()), ts(now),
                    i.id().toString(), i.amount(), i.currency());
        }
        if (f.value() != null) {
            var v = f.value();
            exec(c, "insert into contact_values (contact_id, currency, lifetime_spend, purchase_count, first_purchase_at, "
                    + "last_purchase_at, usual_interval_days) values (?, 'EUR', ?, ?, ?, ?, ?)", contact, v.lifetimeSpend(),
                    v.purchaseCount(), ts(v.firstPurchaseAt()), ts(v.lastPurchaseAt()), v.usualIntervalDays());
        }
        for (FollowUp u : f.followUps()) {
            exec(c, "insert into follow_ups (id, contact_id, due_on, topic, stated_by, created_by, created_at, completed_at) "
                    + "values (?, ?, ?, 'renewal', 'CONTACT', 'test', ?, ?)", u.id(), contact, java.sql.Date.valueOf(u.dueOn()),
                    ts(now), u.completed() ? ts(now) : null);
        }
        for (Map.Entry<SignalKind, Instant> a : f.acknowledgedAt().entrySet()) {
            exec(c, "insert into signal_acknowledgements (contact_id, kind, acknowledged_at, acknowledged_by) values (?, ?, ?, 'test')",
                    contact, a.getKey().name(), ts(a.getValue()));
        }
    }

    private static OffsetDateTime ts(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    private static void exec(Connection c, String sql, Object... args) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }
}
