package dev.rapport.feedback.supportcase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record Assignment(@NotBlank @Size(max = 200) String assignee, @Size(max = 2000) String note) {
}
