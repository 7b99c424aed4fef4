package dev.rapport.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.demo.People.Person;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "Does this work for you?" answered by most of those told (yes, partly, no with why — a no opens a thread), and half
 * of the "why not" threads answered by an agent (without asking again, so a re-run finds nothing new to answer).
 */
final class FollowUpAnswers {
    private static final String AGENT = "agent";
    private static final List<String> WHY_NOT = List.of(
            "My street is not on the list, and the pipes there are the oldest in town.",
            "Autumn is too late: the leak outside number 12 has been running since spring.",
            "It does not say what happens to the bill.",
            "I asked for this in the north, not only in the centre.");

    private final Http http;
    private final Target target;

    FollowUpAnswers(Http http, Target target) {
        this.http = http;
        this.target = target;
    }

    void answer(String consultationId, List<Person> audience, ContactsLoader.Roster roster, List<JsonNode> published) {
        if (published.isEmpty()) {
            return;
        }
        Map<String, Person> byId = new HashMap<>();
        audience.forEach(p -> byId.put(roster.id(p), p));
        List<Runnable> calls = new ArrayList<>();
        for (List<Person> chunk : Parallel.chunks(audience, 100)) {
            JsonNode perContact = http.get(AGENT, target.feedback() + "/by-contact/follow-ups?unanswered=true&contactIds="
                    + String.join(",", chunk.stream().map(roster::id).toList()));
            for (JsonNode entry : perContact) {
                Person p = byId.get(entry.path("contactId").asText());
                for (JsonNode followUp : entry.path("items")) {
                    if (p != null && consultationId.equals(followUp.path("consultationId").asText())
                            && !followUp.hasNonNull("answer") && p.chance("answers-" + followUp.path("initiativeId").asText()) < 0.65) {
                        calls.add(() -> answerOne(p, followUp));
                    }
                }
            }
        }
        Parallel.each(calls, Runnable::run);
        replyToHalfOfTheThreads(consultationId);
    }

    private void answerOne(Person p, JsonNode followUp) {
        double c = p.chance("answer-" + followUp.path("initiativeId").asText());
        String answer = c < 0.55 ? "YES" : c < 0.8 ? "PARTLY" : "NO";
        Map<String, Object> body = "YES".equals(answer) ? Map.of("answer", answer)
                : Map.of("answer", answer, "why", WHY_NOT.get(p.index() % WHY_NOT.size()));
        http.post(AGENT, target.feedback() + "/follow-ups/" + followUp.path("id").asText() + "/answer", body, null, Set.of(409, 422));
    }

    private void replyToHalfOfTheThreads(String consultationId) {
        List<JsonNode> toAnswer = new ArrayList<>();
        String cursor = null;
        do {
            // a page of threads at a time (GET /threads answers {items, next})
            Map<String, Object> q = new LinkedHashMap<>(Map.of("consultationId", consultationId, "status", "OPEN", "limit", 500));
            q.put("cursor", cursor);
            JsonNode page = http.get(AGENT, target.feedback() + "/threads?" + Http.query(q));
            page.path("items").forEach(t -> {
                if (Math.floorMod(t.path("contactId").asText().hashCode(), 2) == 0) {
                    toAnswer.add(t);
                }
            });
            cursor = page.path("next").isTextual() ? page.path("next").asText() : null;
        } while (cursor != null);
        Parallel.each(toAnswer, t -> http.post(AGENT, target.feedback() + "/threads/" + t.path("id").asText() + "/messages",
                Map.of("body", "Thank you for telling us. Your street is in the second phase, starting in March; "
                        + "we will write before the crews arrive.", "askAgain", false), null, Set.of()));
    }
}
