package dev.rapport.gateway.signal;

import static dev.rapport.gateway.security.Roles.ADMIN;
import static dev.rapport.gateway.security.Roles.AGENT;
import static dev.rapport.gateway.security.Roles.ANALYST;
import static dev.rapport.gateway.security.Roles.MARKETER;

import java.util.List;

import dev.rapport.gateway.clients.Downstream;
import dev.rapport.gateway.clients.contacts.ContactsClient;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Query;

/** Signal counts per owner and kind (contacts-service); the signals themselves are in signalsDue and Contact.signals. */
@GraphQLApi
public class SignalGraphQLApi {
    @Inject
    ContactsClient contacts;

    @Query
    @Description("Due signals counted per owner and kind: the team's to-do list at a glance.")
    @RolesAllowed({ADMIN, AGENT, MARKETER, ANALYST})
    public Uni<List<SignalSummary>> signalSummary() {
        return contacts.signalSummary().onFailure().transform(Downstream.toGraphQL(ContactsClient.SERVICE));
    }
}
