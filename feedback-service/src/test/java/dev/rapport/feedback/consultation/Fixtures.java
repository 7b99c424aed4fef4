package dev.rapport.feedback.consultation;

import static dev.rapport.feedback.support.Api.as;
import static dev.rapport.feedback.support.Api.marketer;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Builds consultations and answers through the API, as a marketer and respondents would. */
public final class Fixtures {
    private Fixtures() {
    }

    public record Consultation(String id, List<String> initiatives) {
        public String initiative(int position) {
            return initiatives.get(position - 1);
        }
    }

    public static Consultation openConsultation(int initiatives) {
        return openConsultation(java.util.stream.IntStream.rangeClosed(1, initiatives).mapToObj(i -> "Initiative " + i)
                .toArray(String[]::new));
    }

    /** An open consultation with these initiative titles (plain text: no quotes or backslashes). */
    public static Consultation openConsultation(String... titles) {
        String list = java.util.Arrays.stream(titles).map(t -> "{\"title\":\"" + t + "\"}").collect(Collectors.joining(","));
        JsonPath created = marketer().body("{\"title\":\"Plans\",\"purpose\":\"Tell us what matters\",\"initiatives\":[" + list + "]}")
                .post("/consultations").then().statusCode(201).extract().jsonPath();
        String id = created.getString("id");
        marketer().body("{\"status\":\"OPEN\"}").post("/consultations/" + id + "/status").then().statusCode(200);
        return new Consultation(id, created.getList("initiatives.id"));
    }

    /** Invites the contacts with the given segment attributes; answers the invitation ids in the same order. */
    public static List<String> invite(String consultationId, Map<String, String> attributes, UUID... contacts) {
        StringBuilder audience = new StringBuilder();
        for (UUID c : contacts) {
            audience.append(audience.length() == 0 ? "" : ",").append("{\"contactId\":\"").append(c).append("\"}");
        }
        String attrs = attributes.entrySet().stream().map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                .collect(Collectors.joining(","));
        marketer().body("{\"audience\":[" + audience + "],\"attributes\":{" + attrs + "}}")
                .post("/consultations/" + consultationId + "/invitations").then().statusCode(200);
        List<String> ids = new ArrayList<>();
        for (UUID c : contacts) {
            ids.add(as("marketer").queryParam("contactId", c).get("/invitations").then().statusCode(200)
                    .extract().jsonPath().getString("items.find { it.consultationId == '" + consultationId + "' }.id"));
        }
        return ids;
    }

    public static String token(String invitationId) {
        return as("integration").get("/invitations/" + invitationId + "/link").then().statusCode(200).extract().path("token");
    }

    /** ratings: initiative id → bucket. */
    public static String ratings(Map<String, String> ratings) {
        return ratings.entrySet().stream().map(e -> "{\"initiativeId\":\"" + e.getKey() + "\",\"bucket\":\"" + e.getValue() + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    public static String respond(UUID contactId, String invitationId, Map<String, String> ratings) {
        return dev.rapport.feedback.support.Api.contact(contactId)
                .body("{\"invitationId\":\"" + invitationId + "\",\"ratings\":" + ratings(ratings) + "}")
                .post("/responses").then().statusCode(201).extract().path("id");
    }
}
