package dev.rapport.gateway.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Reports speak one unit: a share is a 0–1 decimal with 4 places, shown beside its counts. */
public final class Shares {
    private Shares() {
    }

    /** part / whole, or null when there is no whole. */
    public static BigDecimal of(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
