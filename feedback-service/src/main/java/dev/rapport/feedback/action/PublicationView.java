package dev.rapport.feedback.action;

import dev.rapport.feedback.outreach.DispatchSummary;

/**
 * {@code recipients}: the people who rated the initiative and can be reached (named, or anonymous with a reply
 * channel); {@code unreachableAnonymous}: anonymous raters who left none. {@code delivery}: consent-service's answers.
 */
public record PublicationView(ActionView action, int recipients, int unreachableAnonymous, DispatchSummary delivery) {
}
