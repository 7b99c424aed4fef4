package dev.rapport.gateway.feedback;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("The secret a delivery integration puts in the invitation link; answering with it needs no contact id.")
public record InvitationLink(@Id String invitationId, @Id String consultationId, String token) {
}
