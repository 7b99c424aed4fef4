package dev.rapport.gateway.contact;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("Spend derived from purchases: lifetime, trailing 12 months, rhythm; in the configured currency and per currency.")
public record Value(@Id String contactId, String currency, BigDecimal lifetimeSpend, BigDecimal trailing12MonthSpend,
        int purchaseCount, BigDecimal usualIntervalDays, Instant firstPurchaseAt, Instant lastPurchaseAt,
        List<CurrencyValue> byCurrency) {

    public record CurrencyValue(String currency, BigDecimal lifetimeSpend, BigDecimal trailing12MonthSpend,
            int purchaseCount, BigDecimal usualIntervalDays, Instant firstPurchaseAt, Instant lastPurchaseAt) {
    }
}
