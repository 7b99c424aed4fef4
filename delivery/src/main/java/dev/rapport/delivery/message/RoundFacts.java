package dev.rapport.delivery.message;

import dev.rapport.delivery.clients.consent.Purpose;
import dev.rapport.delivery.clients.contacts.Contact;
import java.util.Map;
import java.util.UUID;

/**
 * What the messages of one leased batch share, read once for the batch rather than once per message: the people with
 * their contact points (two bulk calls to contacts-service) and the purposes (one read per distinct purpose, so one per
 * campaign). {@code failure} is set when a read failed: every message of the batch is then left to its lease.
 */
public record RoundFacts(Map<UUID, Contact> contacts, Map<String, Purpose> purposes, Throwable failure) {

    static RoundFacts failed(Throwable failure) {
        return new RoundFacts(Map.of(), Map.of(), failure);
    }
}
