package dev.rapport.gateway.contact;

import dev.rapport.gateway.common.Page;
import java.util.List;

import dev.rapport.gateway.common.PageInfo;

/** Cursor connections over contacts-service lists. */
public final class Connections {
    private Connections() {
    }

    public record ContactConnection(List<Contact> nodes, List<ContactEdge> edges, PageInfo pageInfo) {
        public static ContactConnection of(Page<Contact> page, String after) {
            return new ContactConnection(page.itemsOrEmpty(), page.edges(ContactEdge::new), PageInfo.of(page, after));
        }

        /** A nested list: one page per parent, cursors only where the service gives them. */
        public static ContactConnection nested(Page<Contact> page) {
            return new ContactConnection(page.itemsOrEmpty(), page.edges(ContactEdge::new), PageInfo.of(page.next()));
        }
    }

    @org.eclipse.microprofile.graphql.Description("A node and the cursor that continues after it.")
    public record ContactEdge(String cursor, Contact node) {
    }

    public record InteractionConnection(List<Interaction> nodes, List<InteractionEdge> edges, PageInfo pageInfo) {
        public static InteractionConnection of(Page<Interaction> page, String after) {
            return new InteractionConnection(page.itemsOrEmpty(), page.edges(InteractionEdge::new), PageInfo.of(page, after));
        }

        /** A nested list: one page per parent, cursors only where the service gives them. */
        public static InteractionConnection nested(Page<Interaction> page) {
            return new InteractionConnection(page.itemsOrEmpty(), page.edges(InteractionEdge::new), PageInfo.of(page.next()));
        }
    }

    @org.eclipse.microprofile.graphql.Description("A node and the cursor that continues after it.")
    public record InteractionEdge(String cursor, Interaction node) {
    }

    public record OrganisationConnection(List<Organisation> nodes, List<OrganisationEdge> edges, PageInfo pageInfo) {
        public static OrganisationConnection of(Page<Organisation> page, String after) {
            return new OrganisationConnection(page.itemsOrEmpty(), page.edges(OrganisationEdge::new), PageInfo.of(page, after));
        }

        /** A nested list: one page per parent, cursors only where the service gives them. */
        public static OrganisationConnection nested(Page<Organisation> page) {
            return new OrganisationConnection(page.itemsOrEmpty(), page.edges(OrganisationEdge::new), PageInfo.of(page.next()));
        }
    }

    @org.eclipse.microprofile.graphql.Description("A node and the cursor that continues after it.")
    public record OrganisationEdge(String cursor, Organisation node) {
    }

    public record SignalConnection(List<Signal> nodes, List<SignalEdge> edges, PageInfo pageInfo) {
        public static SignalConnection of(Page<Signal> page, String after) {
            return new SignalConnection(page.itemsOrEmpty(), page.edges(SignalEdge::new), PageInfo.of(page, after));
        }

        /** A nested list: one page per parent, cursors only where the service gives them. */
        public static SignalConnection nested(Page<Signal> page) {
            return new SignalConnection(page.itemsOrEmpty(), page.edges(SignalEdge::new), PageInfo.of(page.next()));
        }
    }

    @org.eclipse.microprofile.graphql.Description("A node and the cursor that continues after it.")
    public record SignalEdge(String cursor, Signal node) {
    }
}
