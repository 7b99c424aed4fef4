package dev.rapport.contacts.contact;

public enum LifecycleStage {
    PROSPECT, LEAD, CUSTOMER, AT_RISK, LAPSED
}
