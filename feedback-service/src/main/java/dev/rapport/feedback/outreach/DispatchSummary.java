package dev.rapport.feedback.outreach;

import java.util.Map;

/** Outcome of sending a batch: how many were queued by consent-service, how many denied and why. */
public record DispatchSummary(int total, int queued, int denied, int pending, Map<String, Integer> deniedBy) {
}
