package dev.rapport.contacts.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class BatchSizeTest {

    /** Each step: "ok" or "fail", then the size the next call may send. */
    private static void walk(int max, List<String> steps, List<Integer> expected) {
        BatchSize size = new BatchSize(max);
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).equals("ok")) {
                size.delivered();
            } else {
                size.failed();
            }
            assertEquals(expected.get(i), size.current(), "after step " + (i + 1) + " (" + steps + ")");
        }
    }

    @Test
    void aFullBatchIsSentUntilACallFails() {
        walk(200, List.of("ok", "ok"), List.of(200, 200));
    }

    @Test
    void timeoutsHalveTheBatchDownToOneChangeSoSomethingGetsThrough() {
        walk(200, List.of("fail", "fail", "fail", "fail", "fail", "fail", "fail", "fail", "fail"),
                List.of(100, 50, 25, 12, 6, 3, 1, 1, 1));
    }

    @Test
    void deliveriesGrowItBackToTheConfiguredSizeAndNoFurther() {
        walk(200, List.of("fail", "fail", "fail", "ok", "ok", "ok", "ok"), List.of(100, 50, 25, 50, 100, 200, 200));
    }

    @Test
    void aBatchOfOneStaysOne() {
        walk(1, List.of("fail", "ok"), List.of(1, 1));
    }

    @Test
    void aSizeBelowOneIsRefusedNamingTheSetting() {
        assertEquals("rapport.outbox.batch-size must be at least 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> new BatchSize(0)).getMessage());
    }
}
