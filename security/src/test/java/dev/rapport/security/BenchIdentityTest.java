package dev.rapport.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchIdentityTest {
    @Test
    void theSwitchNeedsTheBenchProfileAndNeverProd() {
        assertDoesNotThrow(() -> BenchIdentity.assertAllowed(true, List.of("local", "bench")));
        assertDoesNotThrow(() -> BenchIdentity.assertAllowed(false, List.of("prod")));
        assertThrows(IllegalStateException.class, () -> BenchIdentity.assertAllowed(true, List.of("prod")));
        assertThrows(IllegalStateException.class, () -> BenchIdentity.assertAllowed(true, List.of("prod", "bench")));
        assertThrows(IllegalStateException.class, () -> BenchIdentity.assertAllowed(true, List.of("local")));
    }
}
