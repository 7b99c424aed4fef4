package dev.rapport.gateway.segment;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rapport.gateway.common.Channel;
import dev.rapport.gateway.contact.LifecycleStage;
import dev.rapport.gateway.contact.ProvenanceKind;
import dev.rapport.gateway.contact.SignalKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("A FILTER segment's criteria: the contact search's, all combined with AND.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SegmentFilter(@Description("Part of the display name, any case") String name, @Id String organisationId,
        @Description("Every one of these tags") List<String> tags, LifecycleStage stage,
        @Description("Has a contact point on this channel") Channel channel,
        @Description("Has a contact point of this provenance") ProvenanceKind provenance,
        @Description("Lifetime spend in the headline currency at least this") BigDecimal minValue,
        @Description("Lifetime spend at most this") BigDecimal maxValue, @Description("Has this signal due") SignalKind signal,
        @Description("A staff username; \"me\" is saved as the caller's") String owner,
        @Description("Created at or after") Instant createdFrom, @Description("Created before") Instant createdTo) {
}
