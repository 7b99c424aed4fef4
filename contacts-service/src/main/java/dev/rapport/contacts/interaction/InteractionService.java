package dev.rapport.contacts.interaction;

import dev.rapport.contacts.contactpoint.AddressNormaliser;
import dev.rapport.contacts.value.ValueQueries;
import dev.rapport.platform.id.Ids;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PerContact;
import dev.rapport.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Timeline ingest and reads: validation, which contact each item is about, and what was created or already there;
 * the SQL is {@link InteractionQueries}'.
 */
@ApplicationScoped
public class InteractionService {
    public static final int MAX_BATCH = 1000;

    @Inject
    InteractionQueries queries;
    @Inject
    ValueQueries values;

    private record Prepared(int index, String prefix, NewInteraction in, String refKey) {
    }

    public Uni<List<IngestResult>> ingest(List<NewInteraction> items, boolean batch) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Prepared> prepared = validate(items, batch);
        return queries.inTransaction(conn -> resolveContacts(conn, prepared)
                .chain(contactOf -> insert(conn, prepared, contactOf)
                        .chain(results -> {
                            Set<UUID> valueChanged = new LinkedHashSet<>();
                            for (int i = 0; i < results.size(); i++) {
                                if (results.get(i).status() == IngestResult.Status.CREATED
                                        && prepared.get(i).in().type().carriesAmount()) {
                                    valueChanged.add(results.get(i).contactId());
                                }
                            }
                            return values.recompute(conn, valueChanged).replaceWith(results);
                        })));
    }

    private static List<Prepared> validate(List<NewInteraction> items, boolean batch) {
        Instant latest = Instant.now().plusSeconds(300);
        List<Prepared> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            NewInteraction in = items.get(i);
            String prefix = batch ? "[" + i + "]." : "";
            if ((in.contactId() == null) == (in.contactPoint() == null)) {
                throw ProblemException.badField(prefix + "contactId", "give exactly one of contactId or contactPoint");
            }
            if (in.type().carriesAmount() && (in.amount() == null || in.currency() == null)) {
                throw ProblemException.badField(prefix + (in.amount() == null ? "amount" : "currency"),
                        "is required for " + in.type());
            }
            if (!in.type().carriesAmount() && (in.amount() != null || in.currency() != null)) {
                throw ProblemException.badField(prefix + "amount", "is only for PURCHASE and REFUND");
            }
            if (in.occurredAt().isAfter(latest)) {
                throw ProblemException.badField(prefix + "occurredAt", "is in the future");
            }
            Integer earlier = seen.putIfAbsent(in.source() + "\u0000" + in.externalId(), i);
            if (earlier != null) {
                throw ProblemException.badField(prefix + "externalId", "repeats [" + earlier + "] with the same source");
            }
            String refKey = null;
            if (in.contactPoint() != null) {
                String address = AddressNormaliser.normalise(in.contactPoint().channel(), in.contactPoint().address(), null,
                        null, prefix + "contactPoint.").address();
                refKey = in.contactPoint().channel().name() + "|" + address;
            }
            out.add(new Prepared(i, prefix, in, refKey));
        }
        return out;
    }

    /** Maps each item to the (surviving) contact it is about; unknown or ambiguous references are 422s naming the item. */
    private Uni<Map<Integer, UUID>> resolveContacts(SqlConnection conn, List<Prepared> prepared) {
        UUID[] ids = prepared.stream().filter(p -> p.in().contactId() != null).map(p -> p.in().contactId()).distinct()
                .toArray(UUID[]::new);
        List<String> channels = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        prepared.stream().filter(p -> p.refKey() != null).map(Prepared::refKey).distinct().forEach(k -> {
            int bar = k.indexOf('|');
            channels.add(k.substring(0, bar));
            addresses.add(k.substring(bar + 1));
        });
        return queries.resolveIds(conn, ids).chain(idMap -> queries.resolveAddresses(conn, channels.toArray(String[]::new),
                addresses.toArray(String[]::new)).map(refMap -> {
            Map<Integer, UUID> out = new HashMap<>();
            for (Prepared p : prepared) {
                if (p.in().contactId() != null) {
                    UUID resolved = idMap.get(p.in().contactId());
                    if (resolved == null) {
                        throw unknown(p.prefix() + "contactId", "no contact has id " + p.in().contactId());
                    }
                    out.put(p.index(), resolved);
                } else {
                    Set<UUID> matches = refMap.getOrDefault(p.refKey(), Set.of());
                    if (matches.isEmpty()) {
                        throw unknown(p.prefix() + "contactPoint", "no contact has this address");
                    }
                    if (matches.size() > 1) {
                        throw unknown(p.prefix() + "contactPoint", "this address belongs to several contacts; send contactId");
                    }
                    out.put(p.index(), matches.iterator().next());
                }
            }
            return out;
        }));
    }

    private static ProblemException unknown(String field, String message) {
        return new ProblemException(422, "unknown-contact", "Unknown contact", field + ": " + message,
                List.of(new dev.rapport.platform.problem.Problem.FieldError(field, message)));
    }

    private Uni<List<IngestResult>> insert(SqlConnection conn, List<Prepared> prepared, Map<Integer, UUID> contactOf) {
        List<InteractionQueries.NewRow> rows = prepared.stream()
                .map(p -> new InteractionQueries.NewRow(Ids.newId(), contactOf.get(p.index()), p.in())).toList();
        return queries.insert(conn, rows).map(existing -> {
            List<IngestResult> results = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                NewInteraction in = rows.get(i).in();
                InteractionQueries.Existing e = existing.get(i);
                results.add(e == null
                        ? new IngestResult(rows.get(i).id(), rows.get(i).contactId(), in.source(), in.externalId(), IngestResult.Status.CREATED)
                        : new IngestResult(e.id(), e.contactId(), in.source(), in.externalId(), IngestResult.Status.DUPLICATE));
            }
            return results;
        });
    }

    /** Newest first, keyset-paged on (occurredAt, id). */
    public Uni<Page<InteractionView>> timeline(UUID contactId, List<InteractionType> types, String cursor, int limit) {
        return queries.timeline(contactId, types, cursor, limit);
    }

    /** The first page of many contacts' timelines in one query (see {@link InteractionQueries#timelines}). */
    public Uni<List<PerContact<InteractionView>>> timelines(List<UUID> contactIds, List<InteractionType> types, String cursor,
            int limit) {
        return queries.timelines(contactIds, types, cursor, limit);
    }
}
