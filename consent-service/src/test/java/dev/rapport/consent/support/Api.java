package dev.rapport.consent.support;

import static io.restassured.RestAssured.given;

import dev.rapport.devstack.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Authenticated requests as a given role, and the few fixtures every test builds its own data with. */
public final class Api {
    private static final AtomicLong SEQ = new AtomicLong(System.currentTimeMillis());

    private Api() {
    }

    public static RequestSpecification as(String... roles) {
        return given().auth().oauth2(Tokens.forRoles("test-" + String.join("-", roles), roles)).contentType(ContentType.JSON);
    }

    public static RequestSpecification admin() {
        return as("admin");
    }

    public static RequestSpecification agent() {
        return as("agent");
    }

    public static RequestSpecification integration() {
        return as("integration");
    }

    public static RequestSpecification contact(UUID contactId) {
        return given().auth().oauth2(Tokens.forContact(contactId.toString())).contentType(ContentType.JSON);
    }

    /** A new purpose with a unique code. */
    public static String purpose(String prefix, String basis) {
        String code = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        admin().body("{\"code\":\"" + code + "\",\"description\":\"" + prefix + "\",\"lawfulBasis\":\"" + basis + "\"}")
                .post("/purposes").then().statusCode(201);
        return code;
    }

    /** Tells consent-service (as contacts-service's outbox would) that a contact point was added. */
    public static UUID addPoint(UUID contactId, String channel, String address, String provenance, Instant occurredAt) {
        UUID pointId = UUID.randomUUID();
        integration().body(pointEvent(UUID.randomUUID(), "ADDED", contactId, pointId, channel, address, provenance, occurredAt))
                .post("/contact-point-facts/events").then().statusCode(200);
        return pointId;
    }

    public static String pointEvent(UUID eventId, String change, UUID contactId, UUID pointId, String channel, String address,
            String provenance, Instant occurredAt) {
        return "[{\"eventId\":\"" + eventId + "\",\"seq\":" + SEQ.incrementAndGet() + ",\"type\":\"contact-point-changed\","
                + "\"occurredAt\":\"" + occurredAt + "\",\"payload\":{\"change\":\"" + change + "\",\"contactId\":\"" + contactId
                + "\",\"contactPointId\":\"" + pointId + "\",\"channel\":\"" + channel + "\",\"address\":\"" + address
                + "\",\"context\":\"WORK\",\"provenance\":\"" + provenance + "\",\"provenanceSource\":\"test\"}}]";
    }

    public static long nextSeq() {
        return SEQ.incrementAndGet();
    }

    /** Records an event as an agent and returns its id. {@code extra} is more JSON fields, e.g. ",\"occurredAt\":\"…\"". */
    public static String record(UUID contactId, String kind, String purpose, String channel, String extra) {
        return agent().body("{\"kind\":\"" + kind + "\",\"purpose\":\"" + purpose + "\""
                        + (channel == null ? "" : ",\"channel\":\"" + channel + "\"") + ",\"source\":\"WEB_FORM\""
                        + ",\"evidence\":{\"formId\":\"signup-v1\"}" + extra + "}")
                .post("/contacts/" + contactId + "/consent-events").then().statusCode(201).extract().path("id");
    }
}
