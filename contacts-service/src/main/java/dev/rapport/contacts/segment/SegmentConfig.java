package dev.rapport.contacts.segment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "rapport.segments")
public interface SegmentConfig {
    /** Ids a static list upload may hold. */
    @WithDefault("1000000")
    int maxStaticMembers();

    /** Member ids per page for services streaming an audience (GET /segments/{id}/member-ids), default and maximum. */
    @WithDefault("1000")
    int memberIdsPage();

    @WithDefault("10000")
    int memberIdsPageMax();

    /** Contacts in a preview's sample. */
    @WithDefault("10")
    int previewSize();
}
