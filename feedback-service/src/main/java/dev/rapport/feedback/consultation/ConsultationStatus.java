package dev.rapport.feedback.consultation;

/** draft → open → closed → answered; only an open consultation takes invitations and responses. */
public enum ConsultationStatus {
    DRAFT, OPEN, CLOSED, ANSWERED;

    boolean mayBecome(ConsultationStatus next) {
        return switch (this) {
            case DRAFT -> next == OPEN;
            case OPEN -> next == CLOSED;
            case CLOSED -> next == ANSWERED || next == OPEN;
            case ANSWERED -> false;
        };
    }
}
