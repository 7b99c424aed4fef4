package dev.rapport.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.demo.Initiatives.Initiative;
import dev.rapport.demo.People.Origin;
import dev.rapport.demo.People.Person;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The loop: a 125-initiative consultation sent to most of the customers (consent-service turns some invitations down,
 * each with its reasons), answered in part by two thirds of those reached (some anonymously), then "we did" and "we
 * won't, because" per initiative, most published and a few left to publish, and the answers to "does this work for
 * you?" with "why not" threads, half of them answered by staff. Plus a small draft consultation to open.
 */
final class ConsultationLoader {
    static final String MARKETER = "marketer";

    private final Http http;
    private final Target target;
    private final FollowUpAnswers answers;

    ConsultationLoader(Http http, Target target) {
        this.http = http;
        this.target = target;
        this.answers = new FollowUpAnswers(http, target);
    }

    /** The consultation's id. */
    String load(List<Person> people, ContactsLoader.Roster roster) {
        draft();
        JsonNode consultation = findOrCreate(Initiatives.TITLE, Initiatives.PURPOSE,
                Initiatives.all().stream().map(Initiative::title).toList());
        String id = consultation.path("id").asText();
        if ("DRAFT".equals(consultation.path("status").asText())) {
            http.post(MARKETER, target.feedback() + "/consultations/" + id + "/status", Map.of("status", "OPEN"));
        }
        Map<String, String> initiativeIds = new HashMap<>();
        http.get(MARKETER, target.feedback() + "/consultations/" + id).path("initiatives")
                .forEach(i -> initiativeIds.put(i.path("title").asText(), i.path("id").asText()));
        List<Person> audience = people.stream().filter(p -> roster.id(p) != null
                && (p.origin() == Origin.PROVIDED ? p.index() % 10 != 9 : p.index() % 7 == 0)).toList();
        invite(id, audience, roster);
        awaitDecisions(id);
        respond(id, audience, roster, initiativeIds);
        List<JsonNode> actions = actions(id);
        answers.answer(id, audience, roster, actions);
        return id;
    }

    private void draft() {
        findOrCreate(Initiatives.DRAFT_TITLE, "Which opening hours and ways of reaching us would help you most?",
                Arrays.asList(Initiatives.DRAFT));
    }

    private JsonNode findOrCreate(String title, String purpose, List<String> initiatives) {
        JsonNode page = http.get(MARKETER, target.feedback() + "/consultations?limit=100");
        for (JsonNode c : page.path("items")) {
            if (title.equals(c.path("title").asText())) {
                return c;
            }
        }
        List<Map<String, String>> list = initiatives.stream().map(t -> Map.of("title", t)).toList();
        return http.post(MARKETER, target.feedback() + "/consultations",
                Map.of("title", title, "purpose", purpose, "initiatives", list));
    }

    /** A person is invited once per consultation: inviting the same audience again changes nothing. */
    private void invite(String consultationId, List<Person> audience, ContactsLoader.Roster roster) {
        List<Map<String, Object>> members = audience.stream().map(p -> Map.<String, Object>of("contactId", roster.id(p),
                "attributes", Map.of("region", p.region(), "household", p.household()))).toList();
        http.post(MARKETER, target.feedback() + "/consultations/" + consultationId + "/invitations",
                Map.of("audience", members, "segmentRef", "households-and-businesses-2026", "channel", "EMAIL"),
                null, Set.of());
    }

    /** Large audiences are sent in the background: waits until consent-service has decided on every invitation. */
    private void awaitDecisions(String consultationId) {
        for (int i = 0; i < 360; i++) {
            JsonNode pending = http.get(MARKETER, target.feedback() + "/consultations/" + consultationId
                    + "/invitations?status=PENDING&limit=1");
            if (pending.path("items").isEmpty()) {
                return;
            }
            ContactsLoader.sleep(500);
        }
        throw new Http.DemoFailure("consent-service did not decide on the invitations within 3 minutes");
    }

    private void respond(String consultationId, List<Person> audience, ContactsLoader.Roster roster,
            Map<String, String> initiativeIds) {
        Map<String, Person> byId = new HashMap<>();
        audience.forEach(p -> byId.put(roster.id(p), p));
        List<Initiative> initiatives = Initiatives.all();
        List<Runnable> calls = new ArrayList<>();
        for (JsonNode inv : invitations(consultationId)) {
            Person p = byId.get(inv.path("contactId").asText());
            if (p == null || inv.path("responded").asBoolean() || !"QUEUED".equals(inv.path("delivery").path("status").asText())
                    || p.chance("responds") > 0.7) {
                continue;
            }
            List<Map<String, Object>> ratings = new ArrayList<>();
            for (Initiative i : initiatives) {
                String bucket = Initiatives.bucket(p, i);
                if (bucket != null) {
                    Map<String, Object> rating = new LinkedHashMap<>();
                    rating.put("initiativeId", initiativeIds.get(i.title()));
                    rating.put("bucket", bucket);
                    if ((p.index() + i.index()) % 53 == 0) {
                        rating.put("comment", "ESSENTIAL".equals(bucket) ? "Please do this first: it affects my street every winter."
                                : "Fine, but not before the leaks are fixed.");
                    }
                    ratings.add(rating);
                }
            }
            if (ratings.isEmpty()) {
                continue;
            }
            boolean anonymous = p.chance("anonymous") < 0.15;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("invitationId", inv.path("id").asText());
            body.put("anonymous", anonymous);
            body.put("allowReply", anonymous ? p.chance("allow-reply") < 0.5 : null);
            body.put("ratings", ratings);
            calls.add(() -> http.post(MARKETER, target.feedback() + "/responses", body,
                    "demo-response-" + inv.path("id").asText(), Set.of(409)));
        }
        Parallel.each(calls, Runnable::run);
    }

    List<JsonNode> invitations(String consultationId) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> q = new LinkedHashMap<>(Map.of("limit", 1000));
            q.put("cursor", cursor);
            JsonNode page = http.get(MARKETER, target.feedback() + "/consultations/" + consultationId + "/invitations?" + Http.query(q));
            page.path("items").forEach(all::add);
            cursor = page.path("next").isTextual() ? page.path("next").asText() : null;
        } while (cursor != null);
        return all;
    }

    /**
     * "We did" for the most wanted initiatives and "we won't, because" for a few of the least wanted, published to those
     * who rated them; the last two of "will do" and the last "won't do" are recorded and left for the marketer to publish.
     */
    private List<JsonNode> actions(String consultationId) {
        Map<String, JsonNode> existing = new HashMap<>();
        http.get(MARKETER, target.feedback() + "/actions?consultationId=" + consultationId)
                .forEach(a -> existing.put(a.path("initiativeId").asText(), a));
        JsonNode ranked = http.get(MARKETER, target.feedback() + "/consultations/" + consultationId + "/priorities")
                .path("initiatives");
        List<JsonNode> toPublish = new ArrayList<>();
        List<JsonNode> published = new ArrayList<>();
        for (int rank = 0; rank < 16 && rank < ranked.size(); rank++) {
            JsonNode i = ranked.get(rank < 12 ? rank : ranked.size() - 1 - (rank - 12) * 3);
            String initiative = i.path("initiativeId").asText();
            JsonNode action = existing.get(initiative);
            if (action == null) {
                action = http.post(MARKETER, target.feedback() + "/actions", plan(rank, i));
            }
            boolean leftToPublish = rank == 10 || rank == 11 || rank == 15;
            if (action.hasNonNull("publishedAt")) {
                published.add(action);
            } else if (!leftToPublish) {
                toPublish.add(action);
            }
        }
        Parallel.map(toPublish, a -> http.post(MARKETER, target.feedback() + "/actions/" + a.path("id").asText() + "/publish",
                Map.of())).forEach(p -> published.add(p.path("action")));
        return published;
    }

    private static Map<String, Object> plan(int rank, JsonNode initiative) {
        String decision = rank < 2 ? "DONE" : rank < 5 ? "DOING" : rank < 12 ? "WILL_DO" : "WONT_DO";
        String title = initiative.path("title").asText();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("initiativeId", initiative.path("initiativeId").asText());
        body.put("decision", decision);
        body.put("description", switch (decision) {
            case "DONE" -> "Done: " + title + ", finished this autumn.";
            case "DOING" -> "Under way: " + title + ", crews started in October.";
            case "WILL_DO" -> "We will: " + title + ", planned for 2027–2028.";
            default -> "We won't: " + title + ".";
        });
        body.put("reason", "WONT_DO".equals(decision)
                ? "Too few of you rated it important, and it would add about €18 a year to every bill." : null);
        return body;
    }
}
