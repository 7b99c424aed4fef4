package dev.rapport.gateway.renewal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.rapport.gateway.rating.RatingReport;

/** Reports speak one unit: shares 0–1 (4 decimals) beside the counts. */
class SharesTest {

    @Test
    void renewalTiersGetSharesBesideTheirPercentages() {
        RenewalReport.TierRow tier = new RenewalReport.TierRow(5, 3, 1, 1, 1, 0, new BigDecimal("66.7"), new BigDecimal("33.3"),
                BigDecimal.ONE, null, null);
        RenewalReport.TierRow empty = new RenewalReport.TierRow(1, 0, 0, 0, 0, 0, null, null, null, null, null);
        RenewalReport report = new RenewalReport("p", "2026", "d", List.of(tier, empty), tier, 0).withShares();
        assertEquals(new BigDecimal("0.6667"), report.tiers().get(0).renewalShare());
        assertEquals(new BigDecimal("0.3333"), report.tiers().get(0).earlyRenewalShare());
        assertNull(report.tiers().get(1).renewalShare());
        assertEquals(new BigDecimal("0.6667"), report.total().renewalShare());
    }

    @Test
    void ratingDistributionsGetShares() {
        RatingReport.Group group = new RatingReport.Group("sam", 4, new BigDecimal("4.25"), List.of(0L, 0L, 1L, 1L, 2L), null);
        RatingReport report = new RatingReport(null, null, "staff", group, List.of(group)).withShares();
        assertEquals(List.of(new BigDecimal("0.0000"), new BigDecimal("0.0000"), new BigDecimal("0.2500"),
                new BigDecimal("0.2500"), new BigDecimal("0.5000")), report.groups().get(0).shares());
    }
}
