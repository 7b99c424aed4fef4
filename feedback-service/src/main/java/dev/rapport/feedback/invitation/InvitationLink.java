package dev.rapport.feedback.invitation;

import java.util.UUID;

/** The secret a delivery integration puts in the invitation link; answering with it needs no contact id. */
public record InvitationLink(UUID invitationId, UUID consultationId, String token) {
}
