package org.logonrights.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.logonrights.model.InputException;

/** Parallel reads must be indistinguishable from one-by-one reads, errors included. */
class InputReadsTest {

    @ParameterizedTest(name = "parallel={0}")
    @ValueSource(booleans = {false, true})
    void resultsComeBackInOrderAndAbsentInputsAreNull(boolean parallel) throws InputException {
        InputReads reads = InputReads.withParallelism(parallel);
        InputReads.Pending<String> a = reads.add(() -> "secedit");
        InputReads.Pending<String> b = reads.add(() -> null);
        InputReads.Pending<Integer> c = reads.add(() -> 42);
        reads.await();
        assertEquals("secedit", a.get());
        assertNull(b.get());
        assertEquals(42, c.get());
    }

    /**
     * The second input fails late, the third at once: a sequential read reports the second (it comes
     * first), so the parallel one must too, not whichever thread failed first.
     */
    @ParameterizedTest(name = "parallel={0}")
    @ValueSource(booleans = {false, true})
    void theFirstFailureInInputOrderIsReportedWhateverFinishedFirst(boolean parallel) {
        CountDownLatch thirdFailed = new CountDownLatch(1);
        InputReads reads = InputReads.withParallelism(parallel);
        reads.add(() -> "ok");
        reads.add(() -> {
            if (parallel) {
                awaitQuietly(thirdFailed);
            }
            throw new InputException("applicationHost.config", "line 3, column 1", "malformed XML");
        });
        reads.add(() -> {
            thirdFailed.countDown();
            throw new InputException("memberships.json", null, "empty file");
        });
        InputException e = assertThrows(InputException.class, reads::await);
        assertEquals("applicationHost.config", e.file());
        assertEquals("line 3, column 1", e.position());
    }

    @Test
    void aBugInAReadSurfacesAsItself() {
        IllegalStateException bug = new IllegalStateException("bug");
        InputReads reads = InputReads.withParallelism(true);
        reads.add(() -> {
            throw bug;
        });
        assertSame(bug, assertThrows(IllegalStateException.class, reads::await));
    }

    @Test
    void smallOrMissingFilesAreReadOnOneThread(@TempDir Path dir) throws IOException {
        Path small = Files.writeString(dir.resolve("small.inf"), "[Unicode]\r\n");
        assertFalse(InputReads.forFiles(small, null).isParallel());
        assertFalse(InputReads.forFiles(dir.resolve("missing"), small).isParallel());
        Path big = dir.resolve("big.config");
        Files.write(big, new byte[(int) InputReads.PARALLEL_THRESHOLD_BYTES]);
        assertEquals(Runtime.getRuntime().availableProcessors() > 1, InputReads.forFiles(small, big).isParallel());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS), "the third read never ran");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
