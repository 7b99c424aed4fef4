package dev.rapport.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.rapport.gateway.limits.CostBudgets;
import dev.rapport.gateway.testing.Stubs;
import dev.rapport.devstack.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

/**
 * importProgress over graphql-transport-ws, as an SPA uses it: the upgrade without a token, the token in the
 * connection_init payload; the job pushed as it changes (never the same state twice) and the stream ended after
 * COMPLETED.
 */
@QuarkusTest
@QuarkusTestResource(value = Stubs.class, restrictToAnnotatedClass = false)
class ImportProgressSubscriptionTest {
    static final String AGENT = Tokens.forRoles("sub-agent", "agent");
    static final String SUBSCRIPTION = "subscription { importProgress(id: \"%s\") { id status processed total progress } }";
    static Vertx vertx;

    @TestHTTPResource("/graphql")
    URL graphql;
    @Inject
    CostBudgets budgets;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    @BeforeEach
    void reset() {
        Stubs.warmUp();
        Stubs.resetAll();
    }

    @Test
    void theJobIsPushedAsItChangesUntilItCompletes() throws Exception {
        List<JsonObject> messages = subscribe(AGENT, null, SUBSCRIPTION.formatted("moving-1"));
        List<JsonObject> jobs = messages.stream().filter(m -> m.getString("type").equals("next"))
                .map(m -> m.getJsonObject("payload").getJsonObject("data").getJsonObject("importProgress")).toList();
        assertEquals(List.of(50L, 100L, 150L, 200L), jobs.stream().map(j -> j.getLong("processed")).toList(), messages::toString);
        assertEquals(List.of("RUNNING", "RUNNING", "RUNNING", "COMPLETED"), jobs.stream().map(j -> j.getString("status")).toList());
        assertEquals(1.0, jobs.get(3).getDouble("progress"));
        assertEquals("complete", messages.get(messages.size() - 1).getString("type"), messages::toString);
        // seven polls of contacts-service for four distinct states
        assertEquals(7, Stubs.contacts.calls().stream().filter(c -> c.path().equals("/imports/moving-1")).count());
    }

    @Test
    void aTokenOnTheUpgradeRequestWorksToo() throws Exception {
        List<JsonObject> messages = subscribe(null, AGENT, SUBSCRIPTION.formatted("moving-2"));
        assertEquals("complete", messages.get(messages.size() - 1).getString("type"), messages::toString);
        assertEquals(4, messages.stream().filter(m -> m.getString("type").equals("next")).count(), messages::toString);
    }

    @Test
    void anUnknownJobEndsWithNotFound() throws Exception {
        List<JsonObject> messages = subscribe(AGENT, null, SUBSCRIPTION.formatted("missing-1"));
        List<JsonObject> next = messages.stream().filter(m -> m.getString("type").equals("next")).toList();
        assertEquals(1, next.size(), messages::toString);
        assertEquals("not-found", next.get(0).getJsonObject("payload").getJsonArray("errors").getJsonObject(0)
                .getJsonObject("extensions").getString("code"), messages::toString);
        assertEquals("complete", messages.get(messages.size() - 1).getString("type"), messages::toString);
    }

    @Test
    void aCallerOverItsCostBudgetIsRefusedRateLimitedAndNothingIsPolled() throws Exception {
        String spent = Tokens.forRoles("sub-spent", "agent");
        budgets.spend("sub-spent", 1_000_000);
        List<JsonObject> messages = subscribe(spent, null, SUBSCRIPTION.formatted("moving-4"));
        List<JsonObject> next = messages.stream().filter(m -> m.getString("type").equals("next")).toList();
        assertEquals(1, next.size(), messages::toString);
        assertEquals("rate-limited", next.get(0).getJsonObject("payload").getJsonArray("errors").getJsonObject(0)
                .getJsonObject("extensions").getString("code"), messages::toString);
        assertEquals("complete", messages.get(messages.size() - 1).getString("type"), messages::toString);
        assertTrue(Stubs.contacts.calls().stream().noneMatch(c -> c.path().equals("/imports/moving-4")));
    }

    @Test
    void withoutATokenOrWithTheWrongRoleNothingIsPushed() throws Exception {
        String[][] cases = {{null, "unauthorized"}, {Tokens.forContact("00000000-0000-7000-8000-000000000001"), "forbidden"}};
        for (String[] c : cases) {
            List<JsonObject> messages = subscribe(c[0], null, SUBSCRIPTION.formatted("moving-3"));
            List<JsonObject> next = messages.stream().filter(m -> m.getString("type").equals("next")).toList();
            assertEquals(1, next.size(), messages::toString);
            assertEquals(null, next.get(0).getJsonObject("payload").getJsonObject("data").getValue("importProgress"));
            assertEquals(c[1], next.get(0).getJsonObject("payload").getJsonArray("errors").getJsonObject(0)
                    .getJsonObject("extensions").getString("code"), messages::toString);
        }
        assertTrue(Stubs.contacts.calls().stream().noneMatch(c -> c.path().startsWith("/imports/")));
    }

    /** One subscription over graphql-transport-ws; every message received until complete, error or close. */
    List<JsonObject> subscribe(String initToken, String upgradeToken, String query) throws Exception {
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(graphql.getHost()).setPort(graphql.getPort())
                .setURI(graphql.getPath()).addSubProtocol("graphql-transport-ws");
        if (upgradeToken != null) {
            options.addHeader("Authorization", "Bearer " + upgradeToken);
        }
        BlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
        WebSocket ws = vertx.createHttpClient().webSocket(options).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        ws.textMessageHandler(text -> inbox.add(new JsonObject(text)));
        ws.closeHandler(v -> inbox.add(new JsonObject().put("type", "closed")));
        JsonObject init = new JsonObject().put("type", "connection_init");
        if (initToken != null) {
            init.put("payload", new JsonObject().put("Authorization", "Bearer " + initToken));
        }
        ws.writeTextMessage(init.encode());
        List<JsonObject> received = new ArrayList<>();
        JsonObject first = inbox.poll(10, TimeUnit.SECONDS);
        received.add(first);
        if (first == null || !"connection_ack".equals(first.getString("type"))) {
            return received;
        }
        ws.writeTextMessage(new JsonObject().put("id", "1").put("type", "subscribe")
                .put("payload", new JsonObject().put("query", query)).encode());
        while (true) {
            JsonObject m = inbox.poll(15, TimeUnit.SECONDS);
            if (m == null) {
                throw new AssertionError("no end of the subscription within 15 s: " + received);
            }
            received.add(m);
            String type = m.getString("type");
            if (type.equals("complete") || type.equals("error") || type.equals("closed")) {
                break;
            }
        }
        if (!ws.isClosed()) {
            ws.close();
        }
        return received;
    }
}
