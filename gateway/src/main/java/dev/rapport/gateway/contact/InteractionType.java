package dev.rapport.gateway.contact;

import org.eclipse.microprofile.graphql.Description;

@Description("What happened in an interaction.")
public enum InteractionType {
    PAGE_VIEW, CONTENT_DOWNLOAD, FORM_SUBMISSION, EMAIL_OPEN, EMAIL_CLICK, PURCHASE, REFUND, SUPPORT_REQUEST, CALL,
    MEETING, UNSUBSCRIBE, THANK_YOU, FEEDBACK_REQUEST, NOTE
}
