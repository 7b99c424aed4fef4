package dev.rapport.contacts.support;

import static dev.rapport.contacts.support.Api.agent;
import static dev.rapport.contacts.support.Api.as;

import java.time.Instant;
import java.util.UUID;

/** Creates the data a test needs through the public API. */
public final class Fixtures {
    private Fixtures() {
    }

    public static String contact(String owner) {
        String email = "p" + UUID.randomUUID() + "@example.org";
        return agent().body("""
                {"givenName":"Pat","familyName":"Example","owner":"%s","contactPoints":[
                  {"channel":"EMAIL","address":"%s","context":"PERSONAL",
                   "provenance":{"kind":"PROVIDED_BY_CONTACT","source":"signup"}}]}""".formatted(owner, email))
                .post("/contacts").then().statusCode(201).extract().path("id");
    }

    public static String emailOf(String contactId) {
        return agent().get("/contacts/" + contactId).then().extract().path("contactPoints[0].address");
    }

    public static void purchase(String contactId, Instant at, String amount, String currency) {
        as("integration").body("""
                {"contactId":"%s","type":"PURCHASE","occurredAt":"%s","source":"shop","externalId":"%s",
                 "amount":%s,"currency":"%s"}""".formatted(contactId, at, UUID.randomUUID(), amount, currency))
                .post("/interactions").then().statusCode(201);
    }

    public static void event(String contactId, String type, Instant at) {
        as("integration").body("""
                {"contactId":"%s","type":"%s","occurredAt":"%s","source":"esp","externalId":"%s"}"""
                .formatted(contactId, type, at, UUID.randomUUID()))
                .post("/interactions").then().statusCode(201);
    }
}
