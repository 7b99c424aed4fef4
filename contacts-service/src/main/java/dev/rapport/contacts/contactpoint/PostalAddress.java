package dev.rapport.contacts.contactpoint;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
public record PostalAddress(
        @NotEmpty @Size(max = 4) List<@NotBlank @Size(max = 200) String> lines,
        @NotBlank @Size(max = 100) String locality,
        @Size(max = 100) String region,
        @Size(max = 20) String postalCode,
        @NotNull @Pattern(regexp = "^[A-Za-z]{2}$", message = "must be an ISO 3166-1 alpha-2 country code")
        @Schema(example = "GB") String country) {
}
