package dev.rapport.gateway.outreach;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("How many people one decision reason stopped (a person stopped by several reasons counts for each).")
public record ReasonCount(@NonNull @Description("The reason's stable code, as Decision.reasons.code") String code,
        @NonNull @Description("People it stopped") int people) {
}
