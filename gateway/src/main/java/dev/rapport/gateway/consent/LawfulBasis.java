package dev.rapport.gateway.consent;

import org.eclipse.microprofile.graphql.Description;

@Description("The GDPR basis a purpose or a consent rests on.")
public enum LawfulBasis {
    CONSENT, CONTRACT, LEGITIMATE_INTEREST
}
