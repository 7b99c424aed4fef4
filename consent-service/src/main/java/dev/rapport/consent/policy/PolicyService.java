package dev.rapport.consent.policy;

import dev.rapport.consent.common.ConsentConfig;
import dev.rapport.consent.subject.ConsentSubjectRepository;
import dev.rapport.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class PolicyService {
    @Inject
    ContactPolicyRepository policies;
    @Inject
    ConsentSubjectRepository subjects;
    @Inject
    ConsentConfig config;

    @WithSession
    public Uni<PolicyView> get(UUID contactId) {
        return policies.findById(contactId).map(p -> p == null ? PolicyView.defaults(contactId, defaultMax(), defaultDays())
                : PolicyView.from(p, defaultMax(), defaultDays()));
    }

    /** The policies of many contacts (the default for one who set none), in the order asked, in one statement. */
    @WithSession
    public Uni<List<PolicyView>> getAll(List<UUID> contactIds) {
        return policies.list("contactId in ?1", contactIds).map(found -> {
            Map<UUID, ContactPolicy> byId = new HashMap<>();
            found.forEach(p -> byId.put(p.contactId, p));
            return contactIds.stream().map(id -> {
                ContactPolicy p = byId.get(id);
                return p == null ? PolicyView.defaults(id, defaultMax(), defaultDays()) : PolicyView.from(p, defaultMax(), defaultDays());
            }).toList();
        });
    }

    @WithTransaction
    public Uni<PolicyView> put(UUID contactId, PolicyInput in, String actor) {
        validate(in);
        return subjects.lockOrCreate(contactId).chain(subject -> {
            if (subject.erased()) {
                return Uni.createFrom().failure(ProblemException.rule("subject-erased", "Contact " + contactId + " was erased"));
            }
            return policies.findById(contactId).chain(existing -> {
                if (existing != null && (in.version() == null || existing.version != in.version())) {
                    return Uni.createFrom().failure(ProblemException.conflict("version-conflict",
                            "The policy is at version " + existing.version + "; send it as version"));
                }
                ContactPolicy p = existing == null ? new ContactPolicy() : existing;
                p.contactId = contactId;
                p.preferredChannels = in.preferredChannels() == null ? new String[0]
                        : new LinkedHashSet<>(in.preferredChannels()).stream().map(Enum::name).toArray(String[]::new);
                p.quietStart = in.quietHoursStart() == null ? null : LocalTime.parse(in.quietHoursStart());
                p.quietEnd = in.quietHoursEnd() == null ? null : LocalTime.parse(in.quietHoursEnd());
                p.timeZone = in.timeZone();
                p.maxTouches = in.maxTouches();
                p.touchWindowDays = in.windowDays();
                p.doNotContact = in.doNotContact();
                p.pausedUntil = in.pausedUntil();
                p.unsubscribeScope = in.unsubscribeScope() == null ? UnsubscribeScope.PURPOSE_ALL_CHANNELS : in.unsubscribeScope();
                p.updatedAt = Instant.now();
                p.updatedBy = actor;
                Uni<?> write = existing == null ? policies.persist(p) : Uni.createFrom().nullItem();
                return write.call(policies::flush).map(x -> PolicyView.from(p, defaultMax(), defaultDays()));
            });
        });
    }

    static void validate(PolicyInput in) {
        if ((in.quietHoursStart() == null) != (in.quietHoursEnd() == null)) {
            throw ProblemException.badField(in.quietHoursStart() == null ? "quietHoursStart" : "quietHoursEnd",
                    "quiet hours need both a start and an end");
        }
        if (in.quietHoursStart() != null && in.timeZone() == null) {
            throw ProblemException.badField("timeZone", "is required with quiet hours");
        }
        if (in.timeZone() != null) {
            try {
                ZoneId.of(in.timeZone());
            } catch (DateTimeException e) {
                throw ProblemException.badField("timeZone", "is not an IANA time zone such as Europe/Amsterdam");
            }
        }
        if (in.windowDays() != null && in.maxTouches() == null) {
            throw ProblemException.badField("maxTouches", "is required with windowDays");
        }
    }

    int defaultMax() {
        return config.frequencyCap().maxTouches();
    }

    int defaultDays() {
        return (int) Math.max(1, config.frequencyCap().window().toDays());
    }
}
