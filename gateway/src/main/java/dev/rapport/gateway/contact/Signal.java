package dev.rapport.gateway.contact;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.rapport.gateway.common.Entry;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("The CRM telling you when to act: a signal of one kind, due since a moment.")
public record Signal(@Id String contactId, String displayName, String owner, SignalKind kind, Instant since, List<Entry> facts) {
    @JsonCreator
    static Signal fromJson(@JsonProperty("contactId") String contactId, @JsonProperty("displayName") String displayName,
            @JsonProperty("owner") String owner, @JsonProperty("kind") SignalKind kind, @JsonProperty("since") Instant since,
            @JsonProperty("facts") Map<String, Object> facts) {
        return new Signal(contactId, displayName, owner, kind, since, Entry.of(facts));
    }
}
