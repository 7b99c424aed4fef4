package dev.rapport.gateway.feedback;

import org.eclipse.microprofile.graphql.Description;

@Description("The secret a delivery integration puts in the invitation link; answering with it needs no contact id.")
public record InvitationLink(String invitationId, String consultationId, String token) {
}
