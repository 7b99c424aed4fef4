package dev.rapport.consent.outreach;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An unsubscribe click. {@code thisChannelOnly} overrides the person's policy for this one click. */
public record Unsubscribe(@Schema(description = "Withdraw on this message's channel only") Boolean thisChannelOnly) {
}
