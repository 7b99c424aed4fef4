package dev.rapport.contacts.interaction;

import dev.rapport.contacts.contactpoint.Channel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Identifies a contact by one of their addresses, for partners that do not know Rapport's id. */
public record ContactPointRef(@NotNull Channel channel, @NotBlank @Size(max = 320) String address) {
}
