package dev.rapport.feedback.renewal;

import java.time.Instant;
import java.util.UUID;

public record ProgrammeView(UUID id, String name, String description, Instant createdAt) {
    public static ProgrammeView from(Programme p) {
        return new ProgrammeView(p.id, p.name, p.description, p.createdAt);
    }
}
