package dev.rapport.feedback.supportcase;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record Confirmation(@NotNull Outcome outcome, @Size(max = 20000) String comment) {
    public enum Outcome {
        CONFIRMED, NOT_RESOLVED
    }
}
