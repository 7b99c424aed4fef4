package dev.rapport.contacts.importing;

public enum ImportStatus {
    /** Accepted and stored; waiting for a runner. */
    QUEUED,
    /** Rows are being committed batch by batch. */
    RUNNING,
    /** Every row was processed: imported or recorded as an error. */
    COMPLETED,
    /** Stopped on a failure of ours (not of the file); re-submitting the same file and key resumes it. */
    FAILED;

    boolean isFinished() {
        return this == COMPLETED;
    }
}
