package dev.rapport.gateway.ledger;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;

@Description("A consent receipt with the Kantara Consent Receipt Specification v1.1 fields, plus `rapport`: the ledger "
        + "event it proves (scope, lawful basis, evidence, chain hash).")
public record ConsentReceipt(String version, String jurisdiction, long consentTimestamp, String collectionMethod,
        String consentReceiptID, String language, String piiPrincipalId, List<PiiController> piiControllers,
        String policyUrl, List<Service> services, boolean sensitive, List<String> spiCat, Extension rapport) {

    public record PiiController(String piiController, boolean onBehalf, String contact, String address, String email,
            String phone) {
    }

    @Name("ReceiptService")
    public record Service(String service, List<Purpose> purposes) {
    }

    @Name("ReceiptPurpose")
    public record Purpose(String purpose, List<String> purposeCategory, String consentType, List<String> piiCategory,
            boolean primaryPurpose, String termination, boolean thirdPartyDisclosure, String thirdPartyName) {
    }

    @Name("ReceiptLedgerEvent")
    public record Extension(String kind, String channel, @Id String contactPointId, String lawfulBasis, String source,
            String formId, String wordingHash, String occurredAt, String recordedAt, long seq, String hash) {
    }
}
