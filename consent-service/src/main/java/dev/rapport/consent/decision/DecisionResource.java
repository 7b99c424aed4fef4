package dev.rapport.consent.decision;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.consent.audience.AudienceIds;
import dev.rapport.consent.audience.Audiences;
import dev.rapport.consent.common.Channel;
import dev.rapport.consent.common.ConsentConfig;
import dev.rapport.consent.common.NdjsonIds;
import dev.rapport.consent.common.Params;
import dev.rapport.platform.problem.ProblemException;
import dev.rapport.platform.ratelimit.RateLimiter;
import dev.rapport.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/decisions")
public class DecisionResource {
    public static final String NDJSON = "application/x-ndjson";

    @Inject
    Audiences audiences;
    @Inject
    DecisionService service;
    @Inject
    ConsentConfig config;
    @Inject
    ObjectMapper json;
    @Inject
    dev.rapport.platform.security.Caller caller;
    @Inject
    RateLimiter limiter;

    /** The rate-limit rule of bulk decisions; it counts the ids decided (application.properties). */
    static final String BULK_RULE = "decisions-bulk";

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST, Roles.INTEGRATION, Roles.CONTACT})
    @Operation(summary = "May we contact this person on this channel for this purpose now (or at a past instant)?",
            description = "Answers allowed, every reason that applies, the contact point to use and the ledger event that "
                    + "justifies a yes. An unknown purpose or contact is a 'no' with reason unknown-purpose / unknown-contact. "
                    + "A contact may ask about itself only (the preference centre).")
    @APIResponse(responseCode = "403", description = "A contact asking about someone else")
    @APIResponse(responseCode = "200", description = "The decision")
    @APIResponse(responseCode = "400", description = "Invalid input; the problem names the field")
    @APIResponse(responseCode = "503", description = "No decision within rapport.consent.decision.timeout (the database "
            + "is slow or away): not a yes; Retry-After says when to ask again")
    public Uni<Decision> decide(@Valid @NotNull DecisionRequest in) {
        caller.assertMayActFor(in.contactId());
        return service.decide(in).ifNoItem().after(config.decision().timeout())
                .failWith(() -> ProblemException.unavailable("decision-timeout",
                        "No decision within " + config.decision().timeout().toMillis() + " ms; this is not a yes, ask again", 1));
    }

    @POST
    @Path("/bulk")
    @APIResponse(responseCode = "429", description = "This caller's budget of bulk decisions (ids per minute, "
            + "rapport.rate-limit.rules.decisions-bulk) is spent; Retry-After says when to try again. A call that runs over "
            + "the budget while streaming is slowed to the budget's rate instead")
    @Blocking
    @Consumes({NDJSON, MediaType.TEXT_PLAIN})
    @Produces(NDJSON)
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MARKETER, Roles.ANALYST, Roles.INTEGRATION})
    @Operation(summary = "Decide for a whole audience (or the page of contacts an agent is looking at) in one streamed call",
            description = "Body: NDJSON, one contact id per line (bare, as a JSON string, or {\"contactId\":…}), or no body and "
                    + "segmentId (a contacts-service segment, its members in contact id order), up to "
                    + "rapport.consent.bulk.max-contacts. Answer: NDJSON, one decision per line in input order "
                    + "({contactId, allowed, reasons, contactPointId, channel, evidenceEventId, evaluatedAt, notBefore}); a bad input "
                    + "line yields {line, error}. Read and answered a chunk at a time in constant memory, so the answer starts "
                    + "while the body is still arriving: use a client that reads while it sends (curl does).")
    @APIResponse(responseCode = "200", description = "NDJSON decisions")
    @APIResponse(responseCode = "400", description = "A bad query parameter")
    @APIResponse(responseCode = "404", description = "No such purpose")
    @APIResponse(responseCode = "413", description = "Body larger than the configured limit")
    public Multi<Buffer> bulk(@RestQuery String purpose, @RestQuery String channel, @RestQuery String at,
            @Parameter(description = "A contacts-service segment to decide for instead of a body of ids: its members are read "
                    + "a page at a time with the caller's token, in contact id order") @RestQuery String segmentId,
            @Parameter(hidden = true) @RestHeader("Authorization") String auth, InputStream body) {
        String code = Params.purpose("purpose", purpose, true);
        Channel ch = Params.channel("channel", channel);
        Instant asked = Params.instant("at", at);
        Instant when = DecisionService.instant(asked);
        AudienceIds lines = audiences.of(body, segmentId, auth, config.bulk().maxContacts());
        int chunk = config.bulk().chunkSize();
        String who = limiter.caller(null);
        // Several chunks are decided at once, each on its own pooled connection, and answered in input order: memory
        // stays bounded by parallel-chunks x chunk-size lines whatever the audience. Each group of chunks first takes
        // its ids from the caller's budget, and waits when the budget is spent.
        return service.requirePurpose(code).onItem().transformToMulti(x -> Multi.createBy().repeating()
                        .uni(() -> lines.next(chunk))
                        .until(List::isEmpty))
                .group().intoLists().of(config.bulk().parallelChunks())
                .onItem().transformToUniAndConcatenate(group -> limiter.pace(BULK_RULE, who, ids(group)).chain(() -> Uni.join()
                        .all(group.stream().map(c -> decideChunk(c, code, ch, when, asked != null)).toList()).andFailFast()))
                .onItem().transformToIterable(buffers -> buffers)
                .onTermination().invoke(lines::close);
    }

    private static final SerializedString NEWLINE = new SerializedString("\n");

    private static long ids(List<List<NdjsonIds.Line>> chunks) {
        long n = 0;
        for (List<NdjsonIds.Line> chunk : chunks) {
            for (NdjsonIds.Line l : chunk) {
                if (l.contactId() != null) {
                    n++;
                }
            }
        }
        return n;
    }

    private Uni<Buffer> decideChunk(List<NdjsonIds.Line> chunk, String purpose, Channel channel, Instant at, boolean asOf) {
        List<UUID> ids = new ArrayList<>(chunk.size());
        for (NdjsonIds.Line l : chunk) {
            if (l.contactId() != null) {
                ids.add(l.contactId());
            }
        }
        Uni<List<Decision>> decided = ids.isEmpty() ? Uni.createFrom().item(List.of())
                : service.decideAll(ids, purpose, channel, at, asOf);
        return decided.map(decisions -> {
            // one generator for the whole chunk, not a writer and a String per line
            ByteArrayOutputStream out = new ByteArrayOutputStream(chunk.size() * 200);
            try (JsonGenerator g = json.getFactory().createGenerator(out).setRootValueSeparator(NEWLINE)) {
                int next = 0;
                for (NdjsonIds.Line l : chunk) {
                    (l.contactId() == null ? BulkDecisionLine.error(l.number(), l.error())
                            : BulkDecisionLine.of(l.contactId(), decisions.get(next++))).write(g);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Buffer.buffer(out.toByteArray());
        });
    }
}
