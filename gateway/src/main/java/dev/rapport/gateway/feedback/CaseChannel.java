package dev.rapport.gateway.feedback;

import org.eclipse.microprofile.graphql.Description;

@Description("Where a support case was opened.")
public enum CaseChannel {
    PHONE, EMAIL, CHAT, SMS, IN_PERSON, WEB, SOCIAL, POSTAL
}
