package dev.rapport.delivery.clients.consent;

public record Purpose(String code, String description, String lawfulBasis) {
}
