package dev.rapport.delivery.render;

/** A message ready for SMTP: its subject, plain-text part and HTML part. */
public record Rendered(String subject, String text, String html) {
}
