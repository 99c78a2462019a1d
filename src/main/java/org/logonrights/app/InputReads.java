package org.logonrights.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.logonrights.model.InputException;

/**
 * Reads independent input files, in parallel when they are large enough for it to pay, and reports
 * exactly what a one-by-one read would: the results in order, and when reads fail, the failure of
 * the first input in that order. A 20,000-pool server has a 6 MB applicationHost.config and a
 * 22 MB membership file that each take most of a second to parse; a small server's files take
 * less than starting a thread would save.
 */
final class InputReads {

    /** Below this many bytes in total, one thread reads everything (measured in docs/performance.md). */
    static final long PARALLEL_THRESHOLD_BYTES = 2L * 1024 * 1024;

    /** One read of one input; null inputs were not supplied and give a null result. */
    @FunctionalInterface
    interface Read<T> {
        T read() throws InputException;
    }

    /** The pending result of one read. */
    static final class Pending<T> {
        private final Read<T> read;
        private Future<T> future;
        private T value;

        private Pending(Read<T> read) {
            this.read = read;
        }

        /** The read's result; only after {@link InputReads#await()}. */
        T get() {
            return value;
        }
    }

    private final List<Pending<?>> reads = new ArrayList<>();
    private final boolean parallel;

    private InputReads(boolean parallel) {
        this.parallel = parallel;
    }

    /**
     * Reads in parallel when the machine has more than one processor and the named files, which
     * must all exist to count, are together at least {@link #PARALLEL_THRESHOLD_BYTES}. Otherwise
     * (including a file that is missing: its read then fails with the usual message) one by one.
     */
    static InputReads forFiles(Path... files) {
        return new InputReads(Runtime.getRuntime().availableProcessors() > 1
                && totalSize(files) >= PARALLEL_THRESHOLD_BYTES);
    }

    /** One by one ({@code false}) or on several threads ({@code true}), whatever the sizes: for tests. */
    static InputReads withParallelism(boolean parallel) {
        return new InputReads(parallel);
    }

    boolean isParallel() {
        return parallel;
    }

    <T> Pending<T> add(Read<T> read) {
        Pending<T> p = new Pending<>(Objects.requireNonNull(read, "read"));
        reads.add(p);
        return p;
    }

    /**
     * Runs every read and waits for all of them. Throws the failure of the first read, in the order
     * they were added, that failed: the same error a sequential read reports.
     */
    void await() throws InputException {
        if (!parallel) {
            for (Pending<?> p : reads) {
                complete(p);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(reads.size(),
                Runtime.getRuntime().availableProcessors()), r -> {
                    Thread t = new Thread(r, "logonrights-input");
                    t.setDaemon(true);
                    return t;
                });
        try {
            for (Pending<?> p : reads) {
                submit(pool, p);
            }
            for (Pending<?> p : reads) {
                collect(p);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> void complete(Pending<T> p) throws InputException {
        p.value = p.read.read();
    }

    private static <T> void submit(ExecutorService pool, Pending<T> p) {
        p.future = pool.submit(p.read::read);
    }

    private static <T> void collect(Pending<T> p) throws InputException {
        try {
            p.value = p.future.get();
        } catch (ExecutionException e) {
            // Rethrown as thrown, so the message, the exit code and the --debug trace are a sequential read's.
            Throwable cause = e.getCause();
            if (cause instanceof InputException ie) {
                throw ie;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the inputs", e);
        }
    }

    private static long totalSize(Path... files) {
        long total = 0;
        for (Path f : files) {
            if (f == null) {
                continue;
            }
            try {
                total += Files.size(f);
            } catch (IOException | SecurityException e) {
                return 0;
            }
        }
        return total;
    }
}
