package dev.rapport.delivery.testing;

import static io.restassured.RestAssured.given;

import dev.rapport.devstack.testing.suite.Suite;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;

/** Test data made through the services' own APIs, as staff would make it. Each test makes its own people. */
public final class Seed {
    private Seed() {
    }

    public static RequestSpecification as(String member, String role) {
        return given().baseUri(Services.url(member)).contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + Services.staffToken(role));
    }

    /** The standard purposes (a purpose that exists already is left as it is). */
    public static void purposes() {
        purpose("survey", "CONSENT", "Consultations and feedback requests");
        purpose("service", "CONTRACT", "Messages about what the customer bought: orders, cases, accounts");
        purpose("renewal-offers", "CONSENT", "Early renewal offers");
        purpose("newsletter", "CONSENT", "Product newsletter");
    }

    private static void purpose(String code, String basis, String description) {
        as(Suite.CONSENT, "admin").body("{\"code\":\"" + code + "\",\"description\":\"" + description + "\",\"lawfulBasis\":\""
                + basis + "\"}").post("/purposes");
    }

    /** A contact with one work e-mail address they gave on {@code form}; answers [contact id, contact point id]. */
    public static UUID[] person(String givenName, String address, String form) {
        return person(givenName, address, form, null);
    }

    /** The same, with a language (a BCP 47 tag) the person chose. */
    public static UUID[] person(String givenName, String address, String form, String language) {
        var created = as(Suite.CONTACTS, "agent").body("{\"givenName\":" + json(givenName) + ",\"familyName\":\"Tester\","
                        + (language == null ? "" : "\"language\":" + json(language) + ",")
                        + "\"owner\":\"agent\",\"contactPoints\":[{\"channel\":\"EMAIL\",\"address\":" + json(address)
                        + ",\"context\":\"WORK\",\"provenance\":{\"kind\":\"PROVIDED_BY_CONTACT\",\"source\":" + json(form) + "}}]}")
                .post("/contacts").then().statusCode(201).extract();
        UUID contact = UUID.fromString(created.path("id"));
        UUID point = UUID.fromString(created.path("contactPoints[0].id"));
        // contacts-service's outbox tells consent-service about the point; decisions need it
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                as(Suite.CONSENT, "admin").get("/contacts/" + contact + "/contact-points").then().extract()
                        .jsonPath().getList("contactPointId").contains(point.toString()));
        return new UUID[] {contact, point};
    }

    public static void grant(UUID contact, String purpose, String form) {
        as(Suite.CONSENT, "agent").body("{\"kind\":\"GRANT\",\"purpose\":\"" + purpose + "\",\"channel\":\"EMAIL\","
                        + "\"source\":\"WEB_FORM\",\"evidence\":{\"formId\":" + json(form) + "}}")
                .post("/contacts/" + contact + "/consent-events").then().statusCode(201);
    }

    /** An outreach request as a partner would make it; answers its id (QUEUED). */
    public static UUID outreach(UUID contact, String purpose, String payloadRef) {
        return outreach(contact, purpose, payloadRef, null);
    }

    /** The same, asked within a trace: {@code traceparent} is sent as the request's W3C trace context. */
    public static UUID outreach(UUID contact, String purpose, String payloadRef, String traceparent) {
        RequestSpecification request = as(Suite.CONSENT, "marketer");
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        String id = request.body("{\"contactId\":\"" + contact + "\",\"purpose\":\"" + purpose
                        + "\",\"channel\":\"EMAIL\",\"campaign\":\"test\",\"payloadRef\":" + (payloadRef == null ? "null" : json(payloadRef)) + "}")
                .post("/outreach/requests").then().statusCode(201).extract().path("id");
        String status = as(Suite.CONSENT, "admin").get("/outreach/requests/" + id).then().extract().path("status");
        if (!"QUEUED".equals(status)) {
            throw new IllegalStateException("outreach " + id + " is " + status);
        }
        return UUID.fromString(id);
    }

    /** A person with an address {@code <prefix>-<random>@example.com} who said yes to the newsletter, and one queued. */
    public static Queued newsletter(String prefix) {
        return newsletter(prefix, null);
    }

    /** The same, for a person who chose a language (a BCP 47 tag). */
    public static Queued newsletter(String prefix, String language) {
        String address = prefix + "-" + UUID.randomUUID() + "@example.com";
        UUID[] person = person(prefix, address, "newsletter-box", language);
        grant(person[0], "newsletter", "newsletter-box");
        return new Queued(person[0], address, outreach(person[0], "newsletter", null));
    }

    public record Queued(UUID contact, String address, UUID outreach) {
    }

    public static String status(UUID outreach) {
        return as(Suite.CONSENT, "admin").get("/outreach/requests/" + outreach).then().statusCode(200).extract().path("status");
    }

    public static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
