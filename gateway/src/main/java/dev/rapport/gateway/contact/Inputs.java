package dev.rapport.gateway.contact;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

/**
 * What mutations accept for contacts-service. Passed through as JSON: contacts-service validates them, and its field
 * errors come back in {@code extensions.problem.errors} of a GraphQL error with code {@code invalid-input}.
 */
public final class Inputs {
    private Inputs() {
    }

    @Input("NewContactInput")
    public record NewContact(String givenName, String familyName, String displayName, @Id String organisationId, String owner,
            LifecycleStage lifecycleStage, List<String> tags,
            List<NewContactPoint> contactPoints,
            @Description("The language the person reads, a BCP 47 tag such as en, fr, ar or fr-CA; null: the deployment's default")
            String language) {
    }

    @Input("ContactUpdateInput")
    public record ContactUpdate(String givenName, String familyName, String displayName, @Id String organisationId,
            String owner, LifecycleStage lifecycleStage, List<String> tags, @Description("The version you read") Long version,
            @Description("A BCP 47 tag; null keeps the current language (often the person's own choice), \"\" clears it")
            String language) {
    }

    @Input("NewContactPointInput")
    public record NewContactPoint(dev.rapport.gateway.common.Channel channel,
            String address, PostalAddress postal, @Description("Region for a national phone number, e.g. GB") String region,
            ContactPointContext context, Provenance provenance, Instant capturedAt, Instant verifiedAt) {
    }

    @Input("ProvenanceInput")
    public record Provenance(ProvenanceKind kind, String source) {
    }

    @Input("PostalAddressInput")
    public record PostalAddress(List<String> lines, String locality, String region, String postalCode, String country) {
    }

    @Input("ContactPointUpdateInput")
    public record ContactPointUpdate(ContactPointContext context, Instant verifiedAt) {
    }

    @Input("MergeInput")
    public record Merge(@Description("The duplicate to merge into this contact") @Id String mergeId, Long version) {
    }

    @Input("EntryInput")
    public record Entry(String key, String value) {
    }

    @Input("ContactPointRefInput")
    public record ContactPointRef(dev.rapport.gateway.common.Channel channel, String address) {
    }

    @Input("InteractionInput")
    public record NewInteraction(@Id String contactId, ContactPointRef contactPoint, InteractionType type, Instant occurredAt,
            String source, String externalId, BigDecimal amount, String currency, String channel, String subject,
            List<Entry> details) {
    }

    @Input("OrganisationInput")
    public record Organisation(String name, String domain, String industry, Integer employeeCount, Long version) {
    }

    @Input("FollowUpInput")
    public record NewFollowUp(LocalDate dueOn, String topic, String note, StatedBy statedBy) {
    }

    @Input("ContactFilter")
    public record ContactFilter(String name, @Id String organisationId, List<String> tags, LifecycleStage stage, dev.rapport.gateway.common.Channel channel,
            ProvenanceKind provenance, BigDecimal minValue, BigDecimal maxValue, SignalKind signal,
            @Description("A staff username, or \"me\"") String owner, @Description("NAME (default) or CREATED") String sort) {
    }
}
