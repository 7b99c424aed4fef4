package dev.rapport.contacts.contact;

import dev.rapport.contacts.contactpoint.Channel;
import dev.rapport.contacts.contactpoint.ProvenanceKind;
import dev.rapport.contacts.signal.SignalKind;
import dev.rapport.contacts.signal.SignalQueries;
import dev.rapport.contacts.value.ValueConfig;
import dev.rapport.platform.paging.Cursor;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Contact search with every filter combined by AND, keyset-paged in a stable order. The query answers ids; the
 * contacts are read by {@link ContactRepository#views} (one more statement), so the contacts table is mapped in one
 * place.
 *
 * <p>Why the reactive SQL client and not Hibernate Reactive: the filters span points, value and the signal rules,
 * which {@link dev.rapport.contacts.signal.SignalQueries} states as one SQL common table expression that HQL cannot
 * express, so a search is one statement here. The figure for this path is an audience's member ids
 * ({@link #ids}): a 1,000,000-member segment cost contacts-service ~10 µs and its PostgreSQL ~5 µs per member
 * (bench/segments/README.md, 2026-12-06); no run compares it with Hibernate.
 */
@ApplicationScoped
public class ContactSearchQueries {
    @Inject
    Pool pool;
    @Inject
    ContactRepository contacts;
    @Inject
    SignalQueries signals;
    @Inject
    ValueConfig value;

    public enum Sort {
        NAME, CREATED
    }

    public record Filter(String name, UUID organisationId, List<String> tags, LifecycleStage stage, Channel channel,
            ProvenanceKind provenance, BigDecimal minValue, BigDecimal maxValue, SignalKind signal, String owner,
            Instant createdFrom, Instant createdTo, List<UUID> ids, Sort sort) {
    }

    /** The filter as SQL: an optional WITH clause and the WHERE clause over {@code contacts c}, parameters added to params. */
    private record Where(String with, StringBuilder where) {
    }

    /** Every contact the filter selects, erased ones included (they stay as "Erased contact"; docs/contacts.md). */
    @WithSession
    public Uni<Page<ContactView>> search(Filter f, String cursor, int limit) {
        return search(f, cursor, limit, false);
    }

    /**
     * The live contacts (not merged away, not erased) the filter selects, in the search's order: the members of an
     * audience, the same contacts {@link #ids} and {@link #count} answer.
     */
    @WithSession
    public Uni<Page<ContactView>> searchLive(Filter f, String cursor, int limit) {
        return search(f, cursor, limit, true);
    }

    private Uni<Page<ContactView>> search(Filter f, String cursor, int limit, boolean live) {
        Tuple params = Tuple.tuple();
        Where w = where(f, params, live);
        String with = w.with();
        StringBuilder where = w.where();
        Sort sort = f.sort() == null ? Sort.NAME : f.sort();
        List<String> after = Cursor.decode(cursor, sort == Sort.NAME ? 2 : 1);
        String order;
        try {
            if (sort == Sort.NAME) {
                if (!after.isEmpty()) {
                    where.append(" and (lower(c.display_name), c.id) > (").append(p(params, after.get(0))).append(", ")
                            .append(p(params, UUID.fromString(after.get(1)))).append(")");
                }
                order = " order by lower(c.display_name), c.id";
            } else {
                if (!after.isEmpty()) {
                    where.append(" and c.id < ").append(p(params, UUID.fromString(after.get(0))));
                }
                order = " order by c.id desc";
            }
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("cursor", "is not a cursor this API returned");
        }
        String sql = with + "select c.id, lower(c.display_name) as sort_name from contacts c" + where + order + " limit " + p(params, limit + 1);
        return pool.preparedQuery(sql).execute(params).chain(rows -> {
            List<Row> list = new ArrayList<>();
            rows.forEach(list::add);
            Page<UUID> ids = Page.of(list, limit, r -> r.getUUID("id"), r -> sort == Sort.NAME
                    ? Cursor.encode(r.getString("sort_name"), r.getUUID("id"))
                    : Cursor.encode(r.getUUID("id")));
            return contacts.views(ids.items()).map(views -> new Page<>(views, ids.next(), ids.cursors()));
        });
    }

    /**
     * Ids of the live (not merged, not erased) contacts the filter selects, in id order after {@code after}: one
     * keyset page of an audience, so any number of members streams in constant memory.
     */
    public Uni<List<UUID>> ids(Filter f, UUID after, int limit) {
        Tuple params = Tuple.tuple();
        Where w = where(f, params, true);
        StringBuilder where = w.where();
        if (after != null) {
            where.append(" and c.id > ").append(p(params, after));
        }
        String sql = w.with() + "select c.id from contacts c" + where + " order by c.id limit " + p(params, limit);
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            List<UUID> ids = new ArrayList<>(rows.size());
            rows.forEach(r -> ids.add(r.getUUID(0)));
            return ids;
        });
    }

    /** How many live contacts the filter selects now. */
    public Uni<Long> count(Filter f) {
        Tuple params = Tuple.tuple();
        Where w = where(f, params, true);
        String sql = w.with() + "select count(*) from contacts c" + w.where();
        return pool.preparedQuery(sql).execute(params).map(rows -> rows.iterator().next().getLong(0));
    }

    /** {@code live}: only contacts not erased (merged-away ones are never selected). */
    private Where where(Filter f, Tuple params, boolean live) {
        if (f.minValue() != null && f.maxValue() != null && f.minValue().compareTo(f.maxValue()) > 0) {
            throw ProblemException.badField("minValue", "is greater than maxValue");
        }
        if (f.createdFrom() != null && f.createdTo() != null && f.createdFrom().isAfter(f.createdTo())) {
            throw ProblemException.badField("createdFrom", "is after createdTo");
        }
        StringBuilder where = new StringBuilder(" where c.merged_into is null");
        if (live) {
            where.append(" and c.erased_at is null");
        }
        if (f.createdFrom() != null) {
            where.append(" and c.created_at >= ").append(p(params, f.createdFrom().atOffset(ZoneOffset.UTC)));
        }
        if (f.createdTo() != null) {
            where.append(" and c.created_at < ").append(p(params, f.createdTo().atOffset(ZoneOffset.UTC)));
        }
        if (f.name() != null && !f.name().isBlank()) {
            String like = "%" + f.name().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            where.append(" and lower(c.display_name) like ").append(p(params, like));
        }
        if (f.organisationId() != null) {
            where.append(" and c.organisation_id = ").append(p(params, f.organisationId()));
        }
        if (f.tags() != null && !f.tags().isEmpty()) {
            where.append(" and c.tags @> ").append(p(params, f.tags().stream()
                    .map(t -> t.strip().toLowerCase(Locale.ROOT)).toArray(String[]::new))).append("::text[]");
        }
        if (f.stage() != null) {
            where.append(" and c.lifecycle_stage = ").append(p(params, f.stage().name()));
        }
        if (f.owner() != null) {
            where.append(" and c.owner = ").append(p(params, f.owner()));
        }
        if (f.ids() != null && !f.ids().isEmpty()) {
            where.append(" and c.id = any(").append(p(params, f.ids().toArray(UUID[]::new))).append(")");
        }
        if (f.channel() != null || f.provenance() != null) {
            where.append(" and exists (select 1 from contact_points p where p.contact_id = c.id");
            if (f.channel() != null) {
                where.append(" and p.channel = ").append(p(params, f.channel().name()));
            }
            if (f.provenance() != null) {
                where.append(" and p.provenance = ").append(p(params, f.provenance().name()));
            }
            where.append(")");
        }
        if (f.minValue() != null || f.maxValue() != null) {
            // A contact without purchases is worth zero, so it has no value row: coalesce to 0.
            String spend = "coalesce((select v.lifetime_spend from contact_values v where v.contact_id = c.id and v.currency = "
                    + p(params, value.currency()) + "), 0)";
            if (f.minValue() != null) {
                where.append(" and ").append(spend).append(" >= ").append(p(params, f.minValue()));
            }
            if (f.maxValue() != null) {
                where.append(" and ").append(spend).append(" <= ").append(p(params, f.maxValue()));
            }
        }
        String with = "";
        if (f.signal() != null) {
            with = "with " + signals.cte() + " ";
            where.append(" and c.id in (select contact_id from due_signals where kind = ").append(p(params, f.signal().name()))
                    .append(")");
        }
        return new Where(with, where);
    }

    private static String p(Tuple params, Object value) {
        params.addValue(value);
        return "$" + params.size();
    }
}
