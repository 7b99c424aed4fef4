package dev.rapport.contacts.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** An organisation as the API accepts it; {@code version} is required when updating. */
public record OrganisationInput(
        @NotBlank @Size(max = 300) String name,
        @Size(max = 253) @Pattern(regexp = "^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$",
                message = "must be a domain name such as example.com") String domain,
        @Size(max = 200) String industry,
        @PositiveOrZero Integer employeeCount,
        Long version) {
}
