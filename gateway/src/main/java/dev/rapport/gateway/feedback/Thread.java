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

    @Description("One message of a thread.")
    public record Message(String id, String author, boolean fromStaff,
            @Description("What the author wrote, as they wrote it; empty when a NO came without a why.") String body,
            @Description("The answer the person's message came with (NO, or PARTLY kept in the thread); null on any other "
                    + "message. Show its label in the reader's language beside the body.") LoopAnswer answer,
            Instant createdAt) {
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
