package dev.rapport.contacts.importing;

/** What became of one row of an import file. */
public enum ImportOutcome {
    /** The row created a contact. */
    CREATED,
    /** The row matched a contact that already had everything it gives (UPSERT). */
    MATCHED,
    /** The row matched a contact and filled empty fields or added tags or contact points (UPSERT). */
    UPDATED,
    /** The row was not taken; its reasons are in the job's errors. */
    ERROR
}
