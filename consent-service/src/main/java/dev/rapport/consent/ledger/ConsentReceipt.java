package dev.rapport.consent.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;

/**
 * A consent receipt with the Kantara Initiative Consent Receipt Specification v1.1 fields, plus a {@code rapport}
 * extension that ties it to the ledger (scope, lawful basis, evidence and the event's chain hash).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsentReceipt(String version, String jurisdiction, long consentTimestamp, String collectionMethod,
        String consentReceiptID, String publicKey, String language, String piiPrincipalId, List<PiiController> piiControllers,
        String policyUrl, List<Service> services, boolean sensitive, List<String> spiCat, Extension rapport) {

    public record PiiController(String piiController, boolean onBehalf, String contact, String address, String email,
            String phone) {
    }

    public record Service(String service, List<Purpose> purposes) {
    }

    public record Purpose(String purpose, List<String> purposeCategory, String consentType, List<String> piiCategory,
            boolean primaryPurpose, String termination, boolean thirdPartyDisclosure, String thirdPartyName) {
    }

    public record Extension(String kind, String channel, UUID contactPointId, String lawfulBasis, String source,
            String formId, String wordingHash, String occurredAt, String recordedAt, long seq, String hash) {
    }
}
