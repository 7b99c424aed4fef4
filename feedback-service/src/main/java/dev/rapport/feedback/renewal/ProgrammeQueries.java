package dev.rapport.feedback.renewal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The programme list: one statement for every programme with its member count, periods and offers; and which contacts of
 * a segment page are members.
 */
@ApplicationScoped
public class ProgrammeQueries {
    static final int MAX = 200;
    private static final String LIST = """
            select p.id, p.name, p.description, p.created_at,
              (select count(*) from programme_members m where m.programme_id = p.id) as members,
              coalesce((select array_agg(distinct s.period order by s.period desc) from propensity_scores s
                        join programme_members m on m.id = s.member_id where m.programme_id = p.id), '{}') as periods,
              coalesce((select json_agg(json_build_object('id', o.id, 'period', o.period, 'tiers', o.tiers,
                        'channel', o.channel, 'audience', o.audience, 'createdAt', o.created_at) order by o.created_at desc)
                        from renewal_offers o where o.programme_id = p.id), '[]'::json)::text as offers
            from programmes p order by p.created_at desc, p.id limit $1""";

    @Inject
    Pool pool;
    @Inject
    ObjectMapper json;

    /** Which of these contacts are members of the programme (one statement for a page of a segment). */
    public Uni<List<UUID>> membersAmong(UUID programmeId, List<UUID> contactIds) {
        if (contactIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery("select contact_id from programme_members where programme_id = $1 and contact_id = any($2)")
                .execute(Tuple.of(programmeId, contactIds.toArray(UUID[]::new))).map(rows -> {
                    List<UUID> out = new ArrayList<>(rows.size());
                    rows.forEach(r -> out.add(r.getUUID(0)));
                    return out;
                });
    }

    public Uni<List<ProgrammeSummary>> list() {
        return pool.preparedQuery(LIST).execute(Tuple.of(MAX)).map(rows -> {
            List<ProgrammeSummary> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new ProgrammeSummary(r.getUUID("id"), r.getString("name"), r.getString("description"),
                        r.getOffsetDateTime("created_at").toInstant(), r.getLong("members"),
                        Arrays.asList(r.getArrayOfStrings("periods")), offers(r.getString("offers"))));
            }
            return out;
        });
    }

    private List<ProgrammeSummary.OfferRef> offers(String text) {
        try {
            List<ProgrammeSummary.OfferRef> out = new ArrayList<>();
            for (JsonNode o : json.readTree(text)) {
                List<Integer> tiers = new ArrayList<>();
                o.path("tiers").forEach(t -> tiers.add(t.asInt()));
                out.add(new ProgrammeSummary.OfferRef(UUID.fromString(o.path("id").asText()), o.path("period").asText(), tiers,
                        o.path("channel").asText(), o.path("audience").asInt(), java.time.OffsetDateTime.parse(o.path("createdAt").asText()).toInstant()));
            }
            return out;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("offers of a programme could not be read", e);
        }
    }
}
