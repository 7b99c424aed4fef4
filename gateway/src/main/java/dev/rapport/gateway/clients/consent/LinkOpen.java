package dev.rapport.gateway.clients.consent;

/** consent-service's count of one link's openings ({@code POST /link-opens}). */
public record LinkOpen(String linkId, int opens) {
}
