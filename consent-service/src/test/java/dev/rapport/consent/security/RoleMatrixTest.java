package dev.rapport.consent.security;

import static dev.rapport.consent.support.Api.as;
import static dev.rapport.consent.support.Api.purpose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every operation × every staff role: the roles named in docs/consent.md get through, the others get 403. */
@QuarkusTest
class RoleMatrixTest {
    static final List<String> ROLES = List.of("admin", "agent", "marketer", "analyst", "integration");

    record Operation(String method, String path, String body, String contentType, Set<String> allowed) {
    }

    @Test
    void eachOperationAdmitsExactlyItsRoles() {
        String code = purpose("matrix", "CONSENT");
        UUID contact = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        String decision = "{\"contactId\":\"" + contact + "\",\"purpose\":\"" + code + "\"}";
        List<Operation> ops = List.of(
                new Operation("POST", "/purposes", "{\"code\":\"x" + UUID.randomUUID().toString().substring(0, 6)
                        + "\",\"description\":\"d\",\"lawfulBasis\":\"CONSENT\"}", "application/json", Set.of("admin")),
                new Operation("GET", "/purposes", null, null, Set.copyOf(ROLES)),
                new Operation("POST", "/contacts/" + contact + "/consent-events", "{\"kind\":\"GRANT\",\"purpose\":\"" + code
                        + "\",\"channel\":\"EMAIL\",\"source\":\"API\"}", "application/json",
                        Set.of("admin", "agent", "marketer", "integration")),
                new Operation("GET", "/contacts/" + contact + "/consent-events", null, null, Set.of("admin", "agent", "marketer", "analyst")),
                new Operation("GET", "/contacts/" + contact + "/consents", null, null, Set.copyOf(ROLES)),
                new Operation("GET", "/contacts/" + contact + "/consent-chain", null, null, Set.of("admin", "agent", "analyst")),
                new Operation("GET", "/consent-events", null, "application/json", Set.of("admin", "analyst")),
                new Operation("POST", "/contact-point-facts/events", "[]", "application/json", Set.of("integration")),
                new Operation("GET", "/contacts/" + contact + "/contact-points", null, null, Set.of("admin", "agent", "analyst")),
                new Operation("GET", "/contacts/" + contact + "/policy", null, null, Set.of("admin", "agent", "marketer", "analyst")),
                new Operation("PUT", "/contacts/" + UUID.randomUUID() + "/policy", "{}", "application/json", Set.of("admin", "agent")),
                new Operation("POST", "/decisions", decision, "application/json", Set.copyOf(ROLES)),
                new Operation("POST", "/decisions/bulk?purpose=" + code, contact + "\n", "application/x-ndjson",
                        Set.of("admin", "marketer", "analyst", "integration")),
                new Operation("POST", "/outreach/requests", decision, "application/json", Set.of("admin", "agent", "marketer", "integration")),
                new Operation("GET", "/outreach/requests", null, null, Set.of("admin", "agent", "marketer", "analyst")),
                new Operation("GET", "/outreach/requests/" + id, null, null, Set.copyOf(ROLES)),
                new Operation("POST", "/outreach/queue/pull", "{\"channel\":\"FACEBOOK\"}", "application/json", Set.of("integration")),
                new Operation("POST", "/outreach/deliveries/" + id + "/ack", "{\"leaseId\":\"" + id + "\",\"outcome\":\"DELIVERED\"}",
                        "application/json", Set.of("integration")),
                new Operation("GET", "/contacts/" + contact + "/data-export", null, null, Set.of("admin")),
                new Operation("POST", "/contacts/" + UUID.randomUUID() + "/erasure", null, null, Set.of("admin")));
        List<String> wrong = new ArrayList<>();
        for (Operation op : ops) {
            for (String role : ROLES) {
                var req = as(role);
                if (op.contentType() != null) {
                    req = req.contentType(op.contentType()).accept(op.contentType().equals("application/x-ndjson") ? "*/*" : op.contentType());
                }
                if (op.body() != null) {
                    req = req.body(op.body().getBytes());
                }
                Response r = req.request(op.method(), op.path());
                boolean allowed = op.allowed().contains(role);
                if (allowed == (r.statusCode() == 403) || r.statusCode() == 401 || r.statusCode() >= 500) {
                    wrong.add(role + " " + op.method() + " " + op.path() + " -> " + r.statusCode());
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertNotEquals(0, ops.size());
    }
}
