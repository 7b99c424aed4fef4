package dev.rapport.gateway.feedback;

import java.time.Instant;
import java.util.List;

import dev.rapport.gateway.common.PageInfo;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;

@Name("WhyNotThread")
@Description("\"Tell us why not\": the conversation a NO reopens.")
public record Thread(@Id String id, @Id String consultationId, @Id String initiativeId, @Id String contactId, ThreadStatus status,
        Instant openedAt, int reopenCount, Instant lastActivity) {

    public record Message(String id, String author, boolean fromStaff, String body, Instant createdAt) {
    }

    @Description("A thread's messages, oldest first.")
    public record MessageConnection(List<Message> nodes, List<MessageEdge> edges, PageInfo pageInfo,
            @Description(NestedPage.TOTAL_COUNT) Integer totalCount) {
    }

    @Description("A node and the cursor that continues after it.")
    public record MessageEdge(String cursor, Message node) {
    }

    @Name("WhyNotThreadConnection")
    @Description("\"Why not\" threads, oldest activity first.")
    public record ThreadConnection(List<Thread> nodes, List<ThreadEdge> edges, PageInfo pageInfo,
            @Description(dev.rapport.gateway.common.Connection.TOTAL_COUNT) Integer totalCount) {
    }

    @Name("WhyNotThreadEdge")
    @Description("A node and the cursor that continues after it.")
    public record ThreadEdge(String cursor, Thread node) {
    }
}
