package dev.rapport.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.demo.People.Person;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * What people did, pushed in batches as an integration would ({@code POST /interactions/batch}; each event's
 * {@code source} + {@code externalId} makes a re-run a no-op): page views, e-mail opens and clicks, purchases in each
 * buyer's own rhythm. Shaped so that every signal fires for someone: big spenders (spend threshold, not thanked),
 * regular buyers who stopped (overdue), openers who never click and then went quiet (disengaging), and follow-ups the
 * person asked for that are due.
 */
final class ActivityLoader {
    private static final String INTEGRATION = "admin";
    private static final int BATCH = 1000;

    private final Http http;
    private final Target target;

    ActivityLoader(Http http, Target target) {
        this.http = http;
        this.target = target;
    }

    void load(List<Person> people, ContactsLoader.Roster roster) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (Person p : people) {
            String id = roster.id(p);
            if (id != null) {
                events.addAll(timeline(p, id, roster.anchor()));
            }
        }
        Parallel.each(Parallel.chunks(events, BATCH), batch -> http.post(INTEGRATION, target.contacts() + "/interactions/batch",
                batch, null, Set.of()));
        followUps(people, roster);
    }

    static List<Map<String, Object>> timeline(Person p, String contactId, Instant anchor) {
        Random r = new Random(p.index() * 131L + 5);
        Timeline t = new Timeline(p, contactId, anchor);
        boolean disengaging = !"LAPSED".equals(p.stage()) && p.chance("disengaging") < 0.08;
        int quietFor = disengaging ? 35 : 0; // nothing at all in the last days of someone who went quiet
        for (int i = 0, n = 1 + r.nextInt(5); i < n; i++) {
            t.add("PAGE_VIEW", quietFor + r.nextInt(120), "demo-web", null, "Viewed /offers");
        }
        if (disengaging) {
            for (int i = 0; i < 6; i++) {
                t.add("EMAIL_OPEN", quietFor + 5 * i, "demo-mail", null, "Newsletter opened");
            }
        } else if (r.nextDouble() < 0.6) {
            int opens = 1 + r.nextInt(4);
            for (int i = 0; i < opens; i++) {
                int ago = r.nextInt(60);
                t.add("EMAIL_OPEN", ago, "demo-mail", null, "Newsletter opened");
                if (r.nextDouble() < 0.5) {
                    t.add("EMAIL_CLICK", ago, "demo-mail", null, "Clicked the season preview");
                }
            }
        }
        if ("PROSPECT".equals(p.stage()) || "LEAD".equals(p.stage())) {
            if (r.nextDouble() < 0.5) {
                t.add("CONTENT_DOWNLOAD", quietFor + r.nextInt(40), "demo-web", null, "Downloaded the price list");
            }
            if (r.nextDouble() < 0.2) {
                t.add("MEETING", quietFor + r.nextInt(30), "demo-crm", null, "Discovery meeting");
            }
        }
        if (Set.of("CUSTOMER", "AT_RISK", "LAPSED").contains(p.stage())) {
            purchases(p, r, t, quietFor);
        }
        return t.events;
    }

    private static void purchases(Person p, Random r, Timeline t, int quietFor) {
        int interval = List.of(14, 30, 45, 60).get(r.nextInt(4));
        int count = 3 + r.nextInt(8);
        boolean big = p.chance("big-spender") < 0.12;
        boolean overdue = "AT_RISK".equals(p.stage()) || p.chance("overdue") < 0.1;
        int last = quietFor + (overdue ? (int) (interval * 2.5) : r.nextInt(Math.max(1, interval / 2)));
        if ("LAPSED".equals(p.stage())) {
            last = 300 + r.nextInt(200);
        }
        for (int i = 0; i < count; i++) {
            double amount = big ? 150 + r.nextInt(250) : 15 + r.nextInt(120);
            t.purchase(last + i * interval + r.nextInt(3), BigDecimal.valueOf(amount + r.nextInt(100) / 100.0));
        }
        if (big && p.chance("thanked") < 0.5) {
            t.add("THANK_YOU", quietFor + r.nextInt(60), "demo-crm", null, "Thank-you card sent");
        }
    }

    /** One person's events, numbered so that a re-run names each one the same. */
    private static final class Timeline {
        final Person p;
        final String contactId;
        final Instant anchor;
        final List<Map<String, Object>> events = new ArrayList<>();

        Timeline(Person p, String contactId, Instant anchor) {
            this.p = p;
            this.contactId = contactId;
            this.anchor = anchor;
        }

        void add(String type, int daysAgo, String source, BigDecimal amount, String subject) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("contactId", contactId);
            e.put("type", type);
            e.put("occurredAt", anchor.minus(Duration.ofDays(daysAgo)).minus(Duration.ofMinutes(events.size() * 7L)).toString());
            e.put("source", source);
            e.put("externalId", "p" + p.index() + "-" + events.size());
            if (amount != null) {
                e.put("amount", amount.setScale(2, RoundingMode.HALF_UP));
                e.put("currency", "EUR");
            }
            e.put("subject", subject);
            events.add(e);
        }

        void purchase(int daysAgo, BigDecimal amount) {
            add("PURCHASE", daysAgo, "demo-shop", amount, "Order at the club shop");
        }
    }

    /** "Call me back about …": some due already (a signal), some later. */
    private void followUps(List<Person> people, ContactsLoader.Roster roster) {
        List<Person> asked = people.stream().filter(p -> roster.id(p) != null && p.chance("follow-up") < 0.1).toList();
        Set<String> have = new HashSet<>();
        for (List<Person> chunk : Parallel.chunks(asked, 100)) {
            String ids = String.join(",", chunk.stream().map(roster::id).toList());
            JsonNode answer = http.get(ContactsLoader.ADMIN, target.contacts() + "/by-contact/follow-ups?includeCompleted=true&contactIds=" + ids);
            answer.forEach(e -> {
                if (!e.path("items").isEmpty()) {
                    have.add(e.path("contactId").asText());
                }
            });
        }
        Parallel.each(asked.stream().filter(p -> !have.contains(roster.id(p))).toList(), p -> {
            boolean due = p.chance("follow-up-due") < 0.6;
            int days = (int) (p.chance("follow-up-days") * 40) + 1;
            String dueOn = roster.anchor().atZone(ZoneOffset.UTC).toLocalDate().plusDays(due ? -days : days).toString();
            http.post(ContactsLoader.AGENT, target.contacts() + "/contacts/" + roster.id(p) + "/follow-ups",
                    Map.of("dueOn", dueOn, "topic", due ? "Call me back about the family season ticket" : "Renewal of the business box",
                            "note", "Asked on the phone", "statedBy", "CONTACT"), null, Set.of());
        });
    }
}
