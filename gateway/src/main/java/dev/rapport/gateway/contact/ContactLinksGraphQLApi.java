package dev.rapport.gateway.contact;

import static dev.rapport.gateway.security.Roles.ADMIN;
import static dev.rapport.gateway.security.Roles.AGENT;
import static dev.rapport.gateway.security.Roles.ANALYST;
import static dev.rapport.gateway.security.Roles.CONTACT;
import static dev.rapport.gateway.security.Roles.INTEGRATION;
import static dev.rapport.gateway.security.Roles.MARKETER;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import dev.rapport.gateway.clients.Downstream;
import dev.rapport.gateway.clients.contacts.ContactsClient;
import dev.rapport.gateway.common.Batches;
import dev.rapport.gateway.consent.Touch;
import dev.rapport.gateway.feedback.FeedbackResponse;
import dev.rapport.gateway.feedback.Invitation;
import dev.rapport.gateway.feedback.LoopFollowUp;
import dev.rapport.gateway.feedback.SupportCase;
import dev.rapport.gateway.feedback.Thread;
import dev.rapport.gateway.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Source;

/**
 * Objects that name a person link to the person: {@code Case.contact}, {@code Invitation.contact}, … Each is one
 * {@code GET /contacts?ids=} call for every parent in the answer (the distinct ids, 500 per call); a contact-role caller
 * gets its own node (one {@code GET /contacts/{id}}) and null for anyone else.
 */
@GraphQLApi
public class ContactLinksGraphQLApi {
    @Inject
    ContactsClient contacts;
    @Inject
    Caller caller;

    @Description("The person who opened the case.")
    @Name("contact")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST, INTEGRATION, CONTACT})
    public Uni<List<Contact>> contact(@Source List<SupportCase> cases) {
        return linked(cases, SupportCase::contactId);
    }

    @Description("The person invited.")
    @Name("contact")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST, INTEGRATION, CONTACT})
    public Uni<List<Contact>> contactOfInvitation(@Source List<Invitation> invitations) {
        return linked(invitations, Invitation::contactId);
    }

    @Description("The person the outreach request is for.")
    @Name("contact")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST, INTEGRATION, CONTACT})
    public Uni<List<Contact>> contactOfTouch(@Source List<Touch> touches) {
        return linked(touches, Touch::contactId);
    }

    @Description("The person the thread is with; null for staff when the person answered anonymously.")
    @Name("contact")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST, INTEGRATION, CONTACT})
    public Uni<List<Contact>> contactOfThread(@Source List<Thread> threads) {
        return linked(threads, Thread::contactId);
    }

    @Description("The person who answered; null when the response is anonymous.")
    @Name("contact")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST, INTEGRATION, CONTACT})
    public Uni<List<Contact>> contactOfResponse(@Source List<FeedbackResponse> responses) {
        return linked(responses, r -> r.anonymous() ? null : r.contactId());
    }

    @Description("The person asked.")
    @Name("contact")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST, INTEGRATION, CONTACT})
    public Uni<List<Contact>> contactOfFollowUp(@Source List<LoopFollowUp> followUps) {
        return linked(followUps, LoopFollowUp::contactId);
    }

    private <P> Uni<List<Contact>> linked(List<P> parents, Function<P, String> contactId) {
        List<String> ids = parents.stream().map(p -> p == null ? null : contactId.apply(p)).toList();
        List<String> distinct = ids.stream().filter(Objects::nonNull).distinct().toList();
        if (distinct.isEmpty()) {
            return Uni.createFrom().item(ids.stream().map(id -> (Contact) null).toList());
        }
        String own = caller.ownContactId();
        Uni<List<Contact>> found = own != null
                ? (distinct.contains(own) ? contacts.get(own).map(c -> c == null ? List.<Contact>of() : List.of(c))
                        : Uni.createFrom().item(List.<Contact>of()))
                : Batches.inChunks(distinct, ContactsClient.MAX_IDS, chunk -> contacts.byIds(chunk));
        return found.onFailure().transform(Downstream.toGraphQL(ContactsClient.SERVICE)).map(list -> {
            Map<String, Contact> byId = new HashMap<>();
            list.stream().filter(Objects::nonNull).forEach(c -> byId.put(c.id(), c));
            return ids.stream().map(id -> id == null ? null : byId.get(id)).toList();
        });
    }
}
