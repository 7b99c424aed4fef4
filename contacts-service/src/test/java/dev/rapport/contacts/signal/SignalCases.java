package dev.rapport.contacts.signal;

import dev.rapport.contacts.signal.SignalRules.Facts;
import dev.rapport.contacts.signal.SignalRules.FollowUp;
import dev.rapport.contacts.signal.SignalRules.Interaction;
import dev.rapport.contacts.signal.SignalRules.Thresholds;
import dev.rapport.contacts.signal.SignalRules.Value;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One table of signal cases, each one contact's rows relative to "now", with the signals due. {@link SignalRulesTest}
 * asks the pure rules; {@link SignalRulesAgreeTest} seeds the rows and asks the SQL too. Times keep days away from every
 * threshold, so the SQL's clock and the test's may differ by seconds.
 */
final class SignalCases {
    /** The shipped defaults (application.properties); the agreement test reads the configured ones. */
    static final Thresholds DEFAULTS = new Thresholds("EUR", new BigDecimal("1000"), 3, 1.5, 5, 30, new BigDecimal("500"), 90);

    record Case(String name, Facts facts, Set<SignalKind> due) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Builds one contact's rows. */
    static final class Rows {
        final Instant now;
        final List<Interaction> interactions = new ArrayList<>();
        final List<FollowUp> followUps = new ArrayList<>();
        final Map<SignalKind, Instant> acks = new EnumMap<>(SignalKind.class);
        Value value;

        Rows(Instant now) {
            this.now = now;
        }

        Instant daysAgo(double days) {
            return now.minus(Duration.ofMinutes(Math.round(days * 24 * 60)));
        }

        Rows interaction(String type, double daysAgo) {
            interactions.add(new Interaction(UUID.randomUUID(), type, daysAgo(daysAgo), null, null));
            return this;
        }

        Rows money(String type, double daysAgo, String amount, String currency) {
            interactions.add(new Interaction(UUID.randomUUID(), type, daysAgo(daysAgo), new BigDecimal(amount), currency));
            return this;
        }

        Rows value(String lifetime, int purchases, Double firstDaysAgo, Double lastDaysAgo, String intervalDays) {
            value = new Value(new BigDecimal(lifetime), purchases, firstDaysAgo == null ? null : daysAgo(firstDaysAgo),
                    lastDaysAgo == null ? null : daysAgo(lastDaysAgo), intervalDays == null ? null : new BigDecimal(intervalDays));
            return this;
        }

        Rows followUp(int dueInDays, boolean completed) {
            followUps.add(new FollowUp(UUID.randomUUID(), LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(dueInDays), completed));
            return this;
        }

        Rows acknowledged(SignalKind kind, double daysAgo) {
            acks.put(kind, daysAgo(daysAgo));
            return this;
        }

        Case is(String name, SignalKind... due) {
            return new Case(name, new Facts(List.copyOf(interactions), value, List.copyOf(followUps), Map.copyOf(acks)),
                    due.length == 0 ? Set.of() : Set.of(due));
        }
    }

    static List<Case> all(Instant now) {
        return List.of(
                new Rows(now).is("no rows: nothing due"),
                new Rows(now).money("PURCHASE", 40, "600", "EUR").money("PURCHASE", 20, "500", "EUR")
                        .value("1100", 2, 40.0, 20.0, "20").is("spend crossed the threshold", SignalKind.SPEND_THRESHOLD),
                new Rows(now).money("PURCHASE", 30, "1200", "EUR").money("REFUND", 10, "300", "EUR")
                        .value("900", 1, 30.0, 30.0, null).is("spend crossed, then a refund took it back below"),
                new Rows(now).money("PURCHASE", 30, "2000", "USD").is("spend in another currency does not count"),
                new Rows(now).money("PURCHASE", 60, "1500", "EUR").money("REFUND", 50, "800", "EUR")
                        .money("PURCHASE", 10, "400", "EUR").value("1100", 2, 60.0, 10.0, "50")
                        .is("crossed, fell below, crossed again: since the first crossing", SignalKind.SPEND_THRESHOLD),
                new Rows(now).value("300", 4, 60.0, 20.0, "10").is("regular buyer past 1.5x their interval", SignalKind.OVERDUE_BUYER),
                new Rows(now).value("300", 4, 60.0, 12.0, "10").is("regular buyer within 1.5x their interval"),
                new Rows(now).value("300", 2, 60.0, 40.0, "10").is("too few purchases to trust a rhythm"),
                new Rows(now).value("300", 4, 60.0, 20.0, "10").acknowledged(SignalKind.OVERDUE_BUYER, 30)
                        .is("acknowledged before it arose: due again", SignalKind.OVERDUE_BUYER),
                new Rows(now).value("300", 4, 60.0, 20.0, "10").acknowledged(SignalKind.OVERDUE_BUYER, 1)
                        .is("acknowledged after it arose: not due"),
                new Rows(now).interaction("EMAIL_OPEN", 60).interaction("EMAIL_OPEN", 59).interaction("EMAIL_OPEN", 58)
                        .interaction("EMAIL_OPEN", 57).interaction("EMAIL_OPEN", 56)
                        .is("five opens without a click, then silence", SignalKind.DISENGAGING),
                new Rows(now).interaction("EMAIL_OPEN", 60).interaction("EMAIL_CLICK", 59).interaction("EMAIL_OPEN", 58)
                        .interaction("EMAIL_OPEN", 57).interaction("EMAIL_OPEN", 56).is("a click among the last five"),
                new Rows(now).interaction("EMAIL_CLICK", 70).interaction("EMAIL_OPEN", 60).interaction("EMAIL_OPEN", 59)
                        .interaction("EMAIL_OPEN", 58).interaction("EMAIL_OPEN", 57).interaction("EMAIL_OPEN", 56)
                        .is("a click before the last five opens", SignalKind.DISENGAGING),
                new Rows(now).interaction("EMAIL_OPEN", 60).interaction("EMAIL_OPEN", 59).interaction("EMAIL_OPEN", 58)
                        .interaction("EMAIL_OPEN", 57).is("only four opens"),
                new Rows(now).interaction("EMAIL_OPEN", 60).interaction("EMAIL_OPEN", 59).interaction("EMAIL_OPEN", 58)
                        .interaction("EMAIL_OPEN", 57).interaction("EMAIL_OPEN", 56).interaction("PAGE_VIEW", 5)
                        .is("five opens, but something happened lately"),
                new Rows(now).followUp(-1, false).is("a follow-up due yesterday", SignalKind.FOLLOW_UP_DUE),
                new Rows(now).followUp(0, false).is("a follow-up due today", SignalKind.FOLLOW_UP_DUE),
                new Rows(now).followUp(1, false).followUp(-3, true).is("one due tomorrow, one done"),
                new Rows(now).followUp(-1, false).acknowledged(SignalKind.FOLLOW_UP_DUE, 0)
                        .is("follow-up acknowledged after it fell due"),
                new Rows(now).value("600", 1, 200.0, 200.0, null).is("valuable, never thanked", SignalKind.NOT_THANKED),
                new Rows(now).value("600", 1, 200.0, 200.0, null).interaction("THANK_YOU", 10).is("valuable, thanked lately"),
                new Rows(now).value("600", 1, 200.0, 200.0, null).interaction("FEEDBACK_REQUEST", 100)
                        .is("valuable, asked for feedback long ago", SignalKind.NOT_THANKED),
                new Rows(now).value("400", 1, 200.0, 200.0, null).is("not valuable enough to thank"),
                new Rows(now).money("PURCHASE", 400, "700", "EUR").money("PURCHASE", 300, "700", "EUR")
                        .money("PURCHASE", 200, "700", "EUR").value("2100", 3, 400.0, 200.0, "100")
                        .is("several at once", SignalKind.SPEND_THRESHOLD, SignalKind.OVERDUE_BUYER, SignalKind.NOT_THANKED));
    }

    private SignalCases() {
    }
}
