package dev.rapport.gateway.contact;

import org.eclipse.microprofile.graphql.Description;

@Description("Why a contact is due for attention.")
public enum SignalKind {
    SPEND_THRESHOLD, OVERDUE_BUYER, DISENGAGING, FOLLOW_UP_DUE, NOT_THANKED
}
