package dev.rapport.contacts.importing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Writes a job's batches on up to {@code width} connections at once, so PostgreSQL inserts on more than one core,
 * while progress still commits in file order. Each batch's transaction inserts its rows at once, but moves the job's
 * progress ({@link BatchWriter}) only once the previous batch has committed ({@link Turn}), and that update matches
 * only if the job stands where the batch starts. A batch whose predecessor rolled back finds the job unmoved, updates
 * nothing and rolls back too. So whatever stops the job, what is committed is a prefix of the file, and a resumed
 * job starts at the first batch that did not commit.
 */
final class OrderedWrites implements AutoCloseable {

    /** A batch's place in the order: wait until the previous batch is over, and say when this one committed. */
    interface Turn {
        Turn ALONE = new Turn() {
            @Override
            public void awaitPrevious() {
            }

            @Override
            public void passOn() {
            }
        };

        void awaitPrevious() throws InterruptedException;

        void passOn();
    }

    /** Writes one batch in one transaction, moving the job's progress in its turn. */
    interface Write {
        void run(Turn turn) throws Exception;
    }

    private final ExecutorService pool;
    private final int width;
    private final Deque<Future<?>> inFlight = new ArrayDeque<>();
    private CompletableFuture<Void> previous = CompletableFuture.completedFuture(null);

    OrderedWrites(ExecutorService pool, int width) {
        this.pool = pool;
        this.width = Math.max(1, width);
    }

    /** Starts a write beside those in flight; first waits for the oldest when {@code width} are, and rethrows its failure. */
    void submit(Write write) throws Exception {
        while (inFlight.size() >= width) {
            join(inFlight.removeFirst());
        }
        CompletableFuture<Void> before = previous;
        CompletableFuture<Void> mine = new CompletableFuture<>();
        previous = mine;
        Turn turn = new Turn() {
            @Override
            public void awaitPrevious() throws InterruptedException {
                try {
                    before.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e); // never: turns are completed normally
                }
            }

            @Override
            public void passOn() {
                mine.complete(null);
            }
        };
        inFlight.addLast(pool.submit(() -> {
            try {
                write.run(turn);
                return null;
            } finally {
                turn.passOn(); // also after a failure: the next batch then finds the job unmoved and rolls back
            }
        }));
    }

    /** Waits for every write in flight, oldest first; rethrows the first failure. */
    void drain() throws Exception {
        while (!inFlight.isEmpty()) {
            join(inFlight.removeFirst());
        }
    }

    /** Waits for the writes still in flight without rethrowing: after a failure, they only roll back. */
    @Override
    public void close() {
        while (!inFlight.isEmpty()) {
            try {
                inFlight.removeFirst().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                inFlight.forEach(f -> f.cancel(true));
                inFlight.clear();
            } catch (ExecutionException e) {
                // the first failure was already rethrown by submit or drain
            }
        }
    }

    private static void join(Future<?> write) throws Exception {
        try {
            write.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
