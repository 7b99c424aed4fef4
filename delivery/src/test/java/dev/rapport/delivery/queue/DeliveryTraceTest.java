package dev.rapport.delivery.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rapport.delivery.testing.Mailbox;
import dev.rapport.delivery.testing.OwnServices;
import dev.rapport.delivery.testing.Seed;
import dev.rapport.delivery.testing.Services;
import dev.rapport.devstack.testing.OtlpReceiver.ReceivedSpan;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The e-mail is in the trace of the request that queued it: consent-service stores the request's traceparent with the
 * outreach row and hands it out with the lease, and delivery's span for that message continues the trace, under
 * consent-service's span. Both export to a local OTLP receiver, as they would to a collector.
 */
@QuarkusTest
@TestProfile(DeliveryTraceTest.Traced.class)
class DeliveryTraceTest {
    /** The services with traces on. */
    public static class Traced extends OwnServices {
        public Traced() {
            super(Map.of(Services.TRACED, "true"));
        }
    }

    @Inject
    Dispatcher dispatcher;

    @Test
    void theDeliveryOfAMessageContinuesTheTraceOfTheRequestThatQueuedIt() throws InterruptedException {
        Seed.purposes();
        String address = "trace-" + UUID.randomUUID() + "@example.com";
        UUID[] person = Seed.person("Tracy", address, "trace-form");
        Seed.grant(person[0], "newsletter", "newsletter-box");
        String traceId = hex(16);
        UUID outreach = Seed.outreach(person[0], "newsletter", null, "00-" + traceId + "-" + hex(8) + "-01");

        List<Handled> handled = dispatcher.drain().await().atMost(Duration.ofSeconds(90));
        assertTrue(handled.stream().anyMatch(h -> h.outreachId().equals(outreach) && h.status() == Handled.Status.DELIVERED), handled::toString);
        assertEquals(1, Mailbox.to(address).size());

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<ReceivedSpan> trace = Services.traces().trace(traceId);
        while (trace.stream().noneMatch(s -> s.name().equals("deliver EMAIL")) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            trace = Services.traces().trace(traceId);
        }
        String seen = trace.stream().map(s -> s.service() + ": " + s.name()).collect(Collectors.joining("\n  ", "\n  ", ""));
        List<ReceivedSpan> delivered = trace.stream().filter(s -> s.name().equals("deliver EMAIL")).toList();
        assertEquals(1, delivered.size(), "one delivery span in the trace that queued the message:" + seen);
        assertEquals("delivery", delivered.get(0).service(), seen);
        Set<String> consentSpans = trace.stream().filter(s -> "consent-service".equals(s.service())).map(ReceivedSpan::spanId)
                .collect(Collectors.toSet());
        assertTrue(consentSpans.contains(delivered.get(0).parentSpanId()),
                "the delivery span hangs below the consent-service span that queued the message:" + seen);
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1;
        return HexFormat.of().formatHex(b);
    }
}
