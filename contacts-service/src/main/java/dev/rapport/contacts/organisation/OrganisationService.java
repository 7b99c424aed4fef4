package dev.rapport.contacts.organisation;

import dev.rapport.platform.id.Ids;
import dev.rapport.platform.paging.Cursor;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@ApplicationScoped
public class OrganisationService {
    @Inject
    OrganisationRepository organisations;

    @WithTransaction
    public Uni<OrganisationView> create(OrganisationInput in) {
        Organisation o = new Organisation();
        o.id = Ids.newId();
        o.createdAt = Instant.now();
        apply(o, in);
        return domainFree(in.domain(), null).chain(() -> organisations.persist(o)).map(OrganisationView::from);
    }

    @WithTransaction
    public Uni<OrganisationView> update(UUID id, OrganisationInput in) {
        if (in.version() == null) {
            return Uni.createFrom().failure(ProblemException.badField("version", "is required when updating"));
        }
        return require(id).chain(o -> {
            if (o.version != in.version()) {
                return Uni.createFrom().failure(ProblemException.conflict("version-conflict",
                        "Organisation " + id + " is at version " + o.version + ", not " + in.version()));
            }
            return domainFree(in.domain(), id).map(x -> {
                apply(o, in);
                return o;
            });
        }).call(organisations::flush).map(OrganisationView::from);
    }

    @WithSession
    public Uni<OrganisationView> get(UUID id) {
        return require(id).map(OrganisationView::from);
    }

    @WithSession
    public Uni<Page<OrganisationView>> list(String name, List<UUID> ids, String cursor, int limit) {
        List<String> after = Cursor.decode(cursor, 2);
        StringBuilder q = new StringBuilder("from Organisation where 1 = 1");
        Parameters p = new Parameters();
        if (ids != null) {
            q.append(" and id in :ids");
            p.and("ids", ids);
        }
        if (name != null && !name.isBlank()) {
            q.append(" and lower(name) like :name");
            p.and("name", "%" + name.toLowerCase(Locale.ROOT).replace("%", "\\%") + "%");
        }
        if (!after.isEmpty()) {
            q.append(" and (lower(name) > :an or (lower(name) = :an and id > :aid))");
            p.and("an", after.get(0)).and("aid", parseId(after.get(1)));
        }
        q.append(" order by lower(name), id");
        return organisations.find(q.toString(), p).range(0, limit).list()
                .map(rows -> Page.of(rows, limit, OrganisationView::from,
                        o -> Cursor.encode(o.name.toLowerCase(Locale.ROOT), o.id)));
    }

    public Uni<Organisation> require(UUID id) {
        return organisations.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Organisation", id));
    }

    private Uni<Void> domainFree(String domain, UUID self) {
        if (domain == null) {
            return Uni.createFrom().voidItem();
        }
        return organisations.find("domain", domain.toLowerCase(Locale.ROOT)).firstResult().chain(existing -> {
            if (existing != null && !existing.id.equals(self)) {
                return Uni.createFrom().failure(ProblemException.conflict("duplicate-domain",
                        "Organisation " + existing.id + " already has the domain " + domain));
            }
            return Uni.createFrom().voidItem();
        });
    }

    private static void apply(Organisation o, OrganisationInput in) {
        o.name = in.name().strip();
        o.domain = in.domain() == null ? null : in.domain().toLowerCase(Locale.ROOT);
        o.industry = in.industry();
        o.employeeCount = in.employeeCount();
        o.updatedAt = Instant.now();
    }

    private static UUID parseId(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("cursor", "is not a cursor this API returned");
        }
    }
}
