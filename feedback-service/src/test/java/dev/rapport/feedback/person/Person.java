package dev.rapport.feedback.person;

import static dev.rapport.feedback.support.Api.agent;
import static dev.rapport.feedback.support.Api.marketer;

import dev.rapport.feedback.consultation.Fixtures;
import dev.rapport.feedback.support.Api;
import java.util.Map;
import java.util.UUID;

/** A person with something of everything feedback-service holds, made through the API. */
public final class Person {
    public final UUID id = UUID.randomUUID();
    public String caseId;
    public String programmeId;
    public String initiative;

    public static Person withEverything() {
        Person p = new Person();
        p.caseId = agent().body("{\"contactId\":\"" + p.id + "\",\"problem\":\"The boiler in flat 4 leaks\",\"channel\":\"PHONE\"}")
                .post("/cases").then().statusCode(201).extract().path("id");
        Api.contact(p.id).body("{\"subjectType\":\"STAFF\",\"subjectId\":\"sam\",\"stars\":2,\"comment\":\"Sam never called me back\","
                + "\"contactId\":\"" + p.id + "\"}").post("/ratings").then().statusCode(201);
        Fixtures.Consultation c = Fixtures.openConsultation(2);
        p.initiative = c.initiative(1);
        String invitation = Fixtures.invite(c.id(), Map.of("region", "north"), p.id).get(0);
        Api.contact(p.id).body("{\"invitationId\":\"" + invitation + "\",\"ratings\":[{\"initiativeId\":\"" + p.initiative
                + "\",\"bucket\":\"ESSENTIAL\",\"comment\":\"Please fix parking near my house\"}]}")
                .post("/responses").then().statusCode(201);
        p.programmeId = marketer().body("{\"name\":\"Season ticket\"}").post("/programmes").then().statusCode(201)
                .extract().path("id");
        marketer().body("{\"contactId\":\"" + p.id + "\",\"period\":\"2026\",\"score\":4}")
                .post("/programmes/" + p.programmeId + "/scores").then().statusCode(200);
        return p;
    }
}
