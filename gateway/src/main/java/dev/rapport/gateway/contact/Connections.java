package dev.rapport.gateway.contact;

import java.util.List;

import dev.rapport.gateway.common.PageInfo;

/** Cursor connections over contacts-service lists. */
public final class Connections {
    private Connections() {
    }

    public record ContactConnection(List<Contact> nodes, PageInfo pageInfo) {
    }

    public record InteractionConnection(List<Interaction> nodes, PageInfo pageInfo) {
    }

    public record OrganisationConnection(List<Organisation> nodes, PageInfo pageInfo) {
    }

    public record SignalConnection(List<Signal> nodes, PageInfo pageInfo) {
    }
}
