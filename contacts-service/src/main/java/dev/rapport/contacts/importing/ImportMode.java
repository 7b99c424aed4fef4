package dev.rapport.contacts.importing;

import dev.rapport.platform.problem.ProblemException;
import java.util.Arrays;
import java.util.Locale;

/** What an import does with a row that names someone we already know (docs/import.md). */
public enum ImportMode {
    /** Every row becomes a new contact; an external_id already held by a contact is a row error. */
    CREATE,
    /**
     * A row whose e-mail address or external_id belongs to one contact fills that contact: empty fields are filled,
     * tags and contact points added, nothing the contact already has is changed. Other rows become new contacts.
     */
    UPSERT;

    static ImportMode parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return CREATE;
        }
        try {
            return valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("mode", "must be one of " + Arrays.toString(values()));
        }
    }
}
