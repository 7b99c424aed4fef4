package dev.rapport.consent.facts;

/** How contacts-service came to know a contact point. Only PROVIDED_BY_CONTACT counts as "given by the person". */
public enum Provenance {
    PROVIDED_BY_CONTACT, IMPORTED, ENRICHMENT, INFERRED;

    public boolean givenByPerson() {
        return this == PROVIDED_BY_CONTACT;
    }
}
