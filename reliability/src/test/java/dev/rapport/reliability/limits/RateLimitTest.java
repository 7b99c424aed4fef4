package dev.rapport.reliability.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import dev.rapport.devstack.testing.suite.Suite;
import dev.rapport.reliability.Http;
import dev.rapport.reliability.QuickSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bulk endpoints are limited per caller (production configuration): a burst gets 429 with {@code Retry-After} and a
 * problem document, another caller is not affected, and after waiting as told the caller's call goes through.
 */
@ExtendWith(QuickSuite.class)
class RateLimitTest {

    @Test
    void aBurstOfBulkOutreachIsThrottledAndGoesThroughAfterRetryAfter() throws Exception {
        QuickSuite.Running suite = QuickSuite.get();
        String url = suite.url(Suite.CONSENT);
        Http.postJson(url + "/purposes", suite.admin(), Map.of("code", "rate-limit-news", "description", "Rate limit test",
                "lawfulBasis", "CONSENT"));
        String marketer = suite.token("marketer");
        byte[] audience = ("\"" + UUID.randomUUID() + "\"\n").getBytes(StandardCharsets.UTF_8);
        Supplier<Http.Answer> bulk = () -> Http.send("POST", url + "/outreach/requests/bulk?purpose=rate-limit-news",
                marketer, "application/x-ndjson", audience);
        assertThrottledThenThrough(bulk, 40, 200);
        Http.Answer otherCaller = Http.send("POST", url + "/outreach/requests/bulk?purpose=rate-limit-news", suite.admin(),
                "application/x-ndjson", audience);
        assertEquals(200, otherCaller.status(), "another caller is throttled too: " + otherCaller);
    }

    /**
     * Bulk decisions count ids, not calls: a list view reads its page's decisions in one bulk call per purpose, and a
     * person paging through the list makes far more than the 60 calls a minute that a per-call limit allowed.
     */
    @Test
    void pageSizedBulkDecisionsCountIdsNotCalls() throws Exception {
        QuickSuite.Running suite = QuickSuite.get();
        String url = suite.url(Suite.CONSENT);
        Http.postJson(url + "/purposes", suite.admin(), Map.of("code", "rate-limit-pages", "description", "Rate limit pages",
                "lawfulBasis", "CONSENT"));
        String agent = suite.token("agent");
        StringBuilder page = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            page.append('"').append(UUID.randomUUID()).append("\"\n");
        }
        byte[] body = page.toString().getBytes(StandardCharsets.UTF_8);
        for (int call = 0; call < 150; call++) {
            Http.Answer a = Http.send("POST", url + "/decisions/bulk?purpose=rate-limit-pages&channel=EMAIL", agent,
                    "application/x-ndjson", body);
            assertEquals(200, a.status(), "call " + call + ": " + a);
            assertEquals(100, a.text().strip().split("\n").length, "call " + call + " decided its page");
        }
    }

    @Test
    void aBurstOfImportsIsThrottledAndGoesThroughAfterRetryAfter() throws Exception {
        QuickSuite.Running suite = QuickSuite.get();
        String url = suite.url(Suite.CONTACTS);
        String agent = suite.token("agent");
        Supplier<Http.Answer> importing = () -> Http.send("POST", url + "/imports?fileName=rate-limit.csv", agent, "text/csv",
                "given_name,family_name\nRate,Limit\n".getBytes(StandardCharsets.UTF_8), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        Http.Answer accepted = assertThrottledThenThrough(importing, 30, 202);
        String job = accepted.json().path("id").asText();
        for (int i = 0; i < 120 && !"COMPLETED".equals(Http.get(url + "/imports/" + job, agent).json().path("status").asText()); i++) {
            Thread.sleep(250);
        }
    }

    /** Sends until refused (within {@code burst} calls), checks the refusal, waits as told and expects success. */
    private static Http.Answer assertThrottledThenThrough(Supplier<Http.Answer> call, int burst, int success) throws InterruptedException {
        Http.Answer refused = null;
        int accepted = 0;
        for (int i = 0; i < burst && refused == null; i++) {
            Http.Answer a = call.get();
            if (a.status() == 429) {
                refused = a;
            } else {
                assertEquals(success, a.status(), a.toString());
                accepted++;
            }
        }
        assertNotNull(refused, "no 429 within " + burst + " calls");
        assertTrue(refused.isProblem(), refused.toString());
        assertEquals(429, refused.json().path("status").asInt(), refused.toString());
        assertNotNull(refused.retryAfter(), "429 without Retry-After");
        long seconds = Long.parseLong(refused.retryAfter());
        assertTrue(seconds >= 1 && seconds <= 60, "Retry-After " + seconds);
        System.out.printf("[reliability] rate limit: %d calls accepted, then 429 with Retry-After %d s%n", accepted, seconds);
        Thread.sleep(seconds * 1000 + 200);
        Http.Answer after = call.get();
        assertEquals(success, after.status(), "after waiting Retry-After: " + after);
        return after;
    }
}
