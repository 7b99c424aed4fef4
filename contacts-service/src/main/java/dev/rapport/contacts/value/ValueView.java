package dev.rapport.contacts.value;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a customer is worth, derived from PURCHASE and REFUND interactions. Headline figures are in the
 * configured currency; {@code byCurrency} lists every currency the contact bought in (no conversion).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValueView(UUID contactId, String currency, BigDecimal lifetimeSpend, BigDecimal trailing12MonthSpend,
        int purchaseCount, BigDecimal usualIntervalDays, Instant firstPurchaseAt, Instant lastPurchaseAt,
        List<CurrencyValue> byCurrency) {

    public record CurrencyValue(String currency, BigDecimal lifetimeSpend, BigDecimal trailing12MonthSpend,
            int purchaseCount, BigDecimal usualIntervalDays, Instant firstPurchaseAt, Instant lastPurchaseAt) {
    }
}
