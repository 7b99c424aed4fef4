package dev.rapport.feedback.consultation;

import java.util.UUID;

public record InitiativeView(UUID id, int position, String title, String description) {
    public static InitiativeView from(Initiative i) {
        return new InitiativeView(i.id, i.position, i.title, i.description);
    }
}
