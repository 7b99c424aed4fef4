package dev.rapport.contacts.contactpoint;

/** How we came to know a contact point, strongest first. */
public enum ProvenanceKind {
    /** The person gave it to us; {@code source} names the form or conversation. */
    PROVIDED_BY_CONTACT,
    /** Loaded from a file; {@code source} is the file's name. */
    IMPORTED,
    /** Bought or looked up from a vendor; {@code source} is the vendor's name. */
    ENRICHMENT,
    /** Guessed by us (e.g. first.last@company pattern). */
    INFERRED
}
