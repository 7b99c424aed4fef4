package dev.rapport.contacts.importing;

import dev.rapport.contacts.contact.LifecycleStage;
import dev.rapport.contacts.contactpoint.Channel;
import dev.rapport.contacts.contactpoint.PointContext;
import java.util.List;
import java.util.UUID;

/** One row of an import file that passed every check, values normalised, ready to be stored. */
record ContactRow(long line, String givenName, String familyName, String displayName, UUID organisationId, String owner,
        LifecycleStage stage, List<String> tags, String language, String externalId, List<Point> points) {

    record Point(Channel channel, String address, PointContext context) {
    }
}
