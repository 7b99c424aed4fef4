package dev.rapport.contacts.contactpoint;

import static dev.rapport.contacts.support.Api.agent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.rapport.contacts.support.Fixtures;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The contact_points table has two readers in one class: the {@link ContactPoint} entity (Hibernate Reactive, every
 * request path) and {@link ContactPoint#from} (the whole points a merge reads on its SQL connection, in the merge's
 * transaction). A column the entity maps and the row mapper forgets would be lost by the next merge: every field of a
 * point with every column filled must read the same both ways.
 */
@QuarkusTest
class ContactPointMappingTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    Pool pool;
    @Inject
    ContactPointRepository points;

    @Test
    void theMergesRowMapperReadsEveryFieldTheEntityMaps() throws Throwable {
        String contact = Fixtures.contact("alice");
        UUID pointId = UUID.fromString(agent().body("""
                {"channel":"POSTAL","postal":{"lines":["2 Mill Lane","Flat 3"],"locality":"York","region":"North Yorkshire",
                 "postalCode":"yo1 7hh","country":"gb"},"context":"WORK",
                 "provenance":{"kind":"PROVIDED_BY_CONTACT","source":"order-form"},
                 "capturedAt":"2026-02-03T04:05:06.123456Z","verifiedAt":"2026-03-04T05:06:07.654321Z"}""")
                .post("/contacts/" + contact + "/contact-points").then().statusCode(201).extract().<String>path("id"));

        ContactPoint entity = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> points.findById(pointId)));
        ContactPoint row = ContactPoint.from(pool.preparedQuery("select * from contact_points where id = $1")
                .execute(Tuple.of(pointId)).await().atMost(WAIT).iterator().next());

        for (Field f : ContactPoint.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            assertNotNull(f.get(entity), f.getName() + ": this test's point fills every column");
            assertEquals(f.get(entity), f.get(row), f.getName() + " reads differently through ContactPoint.from(Row)");
        }
    }
}
