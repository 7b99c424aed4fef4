package dev.rapport.feedback.priority;

/** How many respondents put an initiative in each bucket (or, as shares, the fraction of its ratings). */
public record BucketCounts<T>(T essential, T important, T lowButImportant, T notImportant) {
}
