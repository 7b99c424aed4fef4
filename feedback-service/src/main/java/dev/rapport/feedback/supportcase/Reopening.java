package dev.rapport.feedback.supportcase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record Reopening(@NotBlank @Size(max = 20000) String note) {
}
