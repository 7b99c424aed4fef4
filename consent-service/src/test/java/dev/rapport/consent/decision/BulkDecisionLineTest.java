package dev.rapport.consent.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.rapport.consent.common.Channel;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A bulk answer's lines are written by hand; they must read exactly as Jackson writes the record (the contract). */
class BulkDecisionLineTest {
    private static final ObjectMapper JACKSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Instant AT = Instant.parse("2026-12-06T15:04:05.123456Z");

    static Stream<BulkDecisionLine> lines() {
        UUID contact = UUID.randomUUID();
        UUID point = UUID.randomUUID();
        return Stream.of(
                BulkDecisionLine.of(contact, new Decision(true, List.of(), point, Channel.EMAIL, UUID.randomUUID(), AT, null)),
                BulkDecisionLine.of(contact, new Decision(true, List.of(), point, Channel.SMS, null, Instant.parse("2026-12-06T15:04:05Z"), null)),
                BulkDecisionLine.of(contact, new Decision(false, List.of(new Reason(Reason.NO_CONSENT, "No grant \"quoted\" — é ع"),
                        new Reason(Reason.COMPANY_CHANNEL_CAP, "Cap", UUID.randomUUID())), null, null, null, AT, null)),
                BulkDecisionLine.of(contact, new Decision(false, List.of(new Reason(Reason.QUIET_HOURS, null)), point, Channel.EMAIL,
                        UUID.randomUUID(), AT, AT.plusSeconds(3600))),
                BulkDecisionLine.error(7, "Not a contact id: \"x\"\n"));
    }

    @ParameterizedTest
    @MethodSource("lines")
    void aLineReadsAsJacksonWritesIt(BulkDecisionLine line) throws Exception {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JACKSON.getFactory().createGenerator(out)) {
            line.write(g);
        }
        assertEquals(JACKSON.writeValueAsString(line), out.toString());
    }
}
