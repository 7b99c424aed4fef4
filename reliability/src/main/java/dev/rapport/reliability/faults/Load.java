package dev.rapport.reliability.faults;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Steady client load from a few threads, every request's outcome kept for the figures. */
final class Load implements AutoCloseable {
    /** One request: its kind, when it started (ns since the load began), how long it took, how it ended. */
    record Outcome(String kind, long startNanos, long nanos, int status, boolean timedOut) {
        boolean ok() {
            return status >= 200 && status < 300 && !timedOut;
        }

        double startSeconds() {
            return startNanos / 1e9;
        }
    }

    /** One request of the load; {@code n} numbers the requests. */
    interface Request {
        Api.Answer send(long n) throws IOException, InterruptedException;
    }

    private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService threads;
    private final long t0 = System.nanoTime();
    private volatile boolean running = true;

    Load(int threadCount, List<String> kinds, List<Request> requests) {
        threads = Executors.newFixedThreadPool(threadCount);
        AtomicLong seq = new AtomicLong();
        for (int t = 0; t < threadCount; t++) {
            threads.submit(() -> {
                while (running) {
                    long n = seq.getAndIncrement();
                    int k = (int) (n % requests.size());
                    long s = System.nanoTime();
                    int status = 0;
                    boolean timedOut = false;
                    try {
                        status = requests.get(k).send(n).status();
                    } catch (HttpTimeoutException e) {
                        timedOut = true;
                    } catch (IOException e) {
                        status = -1;
                    }
                    outcomes.add(new Outcome(kinds.get(k), s - t0, System.nanoTime() - s, status, timedOut));
                    if (status != 0 && (status < 200 || status >= 300)) {
                        Thread.sleep(100);
                    }
                }
                return null;
            });
        }
    }

    /** Seconds since the load began. */
    double now() {
        return (System.nanoTime() - t0) / 1e9;
    }

    List<Outcome> outcomes() {
        synchronized (outcomes) {
            return List.copyOf(outcomes);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        threads.shutdown();
        if (!threads.awaitTermination(60, TimeUnit.SECONDS)) {
            threads.shutdownNow();
        }
    }
}
