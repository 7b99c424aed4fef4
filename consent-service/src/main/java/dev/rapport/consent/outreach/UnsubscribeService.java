package dev.rapport.consent.outreach;

import dev.rapport.consent.ledger.EventKind;
import dev.rapport.consent.ledger.EventSource;
import dev.rapport.consent.ledger.LedgerService;
import dev.rapport.consent.ledger.NewConsentEvent;
import dev.rapport.consent.policy.ContactPolicyRepository;
import dev.rapport.consent.policy.UnsubscribeScope;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * An unsubscribe link in any message withdraws consent for that message's purpose on every channel, unless the
 * person chose (in their policy, or on the unsubscribe page) to withdraw on that channel only.
 */
@ApplicationScoped
public class UnsubscribeService {
    @Inject
    ContactPolicyRepository policies;
    @Inject
    LedgerService ledger;

    @WithSession
    public Uni<Boolean> channelOnly(OutreachView o, Unsubscribe in) {
        if (in != null && in.thisChannelOnly() != null) {
            return Uni.createFrom().item(in.thisChannelOnly());
        }
        return policies.findById(o.contactId())
                .map(p -> p != null && p.unsubscribeScope == UnsubscribeScope.PURPOSE_THIS_CHANNEL);
    }

    /**
     * The withdrawal, appended; or, when this message's link already withdrew the same scope and nothing was recorded
     * for the purpose since (the link followed again: a mail client's one-click POST and the person's click, a retry),
     * the withdrawal recorded then, and nothing appended.
     */
    public Uni<LedgerService.Recorded> unsubscribe(OutreachView o, Unsubscribe in, String actor, boolean isContact) {
        return channelOnly(o, in).chain(channelOnly -> ledger.recordOnce(o.contactId(),
                new NewConsentEvent(EventKind.WITHDRAW, o.purpose(), channelOnly ? o.channel() : null, null, null,
                        isContact ? EventSource.PREFERENCE_CENTRE : EventSource.UNSUBSCRIBE_LINK,
                        new NewConsentEvent.Evidence("outreach:" + o.id(), null, null, null, null), null, null, null),
                new LedgerService.Recorder(actor, isContact)));
    }
}
