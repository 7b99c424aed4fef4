package dev.rapport.gateway.contact;

import org.eclipse.microprofile.graphql.Description;

@Description("Where a contact is in their relationship with us.")
public enum LifecycleStage {
    PROSPECT, LEAD, CUSTOMER, AT_RISK, LAPSED
}
