import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * HTTP load for consent-service decisions (JDK only, run as: java Load.java ...).
 *   single <url> <token> <ids-file> <purpose> <concurrency> <seconds> [rate-per-second]
 *       closed loop at the given concurrency; with a rate, an open loop at that rate (latency measured from the
 *       scheduled send time, so queueing counts). Prints throughput, p50, p99 (after a warm-up), and every request
 *       sent including the warm-up (for CPU per request).
 */
public class Load {
    public static void main(String[] a) throws Exception {
        single(a[1], a[2], Path.of(a[3]), a[4], Integer.parseInt(a[5]), Integer.parseInt(a[6]),
                a.length > 7 ? Double.parseDouble(a[7]) : 0);
    }

    static void single(String url, String token, Path idsFile, String purpose, int concurrency, int seconds, double rate)
            throws Exception {
        List<String> ids = Files.readAllLines(idsFile);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long warmupEnd = System.nanoTime() + Duration.ofSeconds(Math.min(5, seconds / 4)).toNanos();
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        List<long[]> perThread = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            long[] lat = new long[5_000_000 / concurrency];
            perThread.add(lat);
            int thread = t;
            Thread th = new Thread(() -> {
                int n = 0;
                long interval = rate > 0 ? (long) (1e9 * concurrency / rate) : 0;
                long next = System.nanoTime() + (interval > 0 ? (long) (interval * thread / (double) concurrency) : 0);
                while (System.nanoTime() < end) {
                    long scheduled = System.nanoTime();
                    if (interval > 0) {
                        LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
                        scheduled = next;
                        next += interval;
                    }
                    String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                    String body = "{\"contactId\":\"" + id + "\",\"purpose\":\"" + purpose + "\",\"channel\":\"EMAIL\"}";
                    HttpRequest req = HttpRequest.newBuilder(URI.create(url + "/decisions"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    try {
                        HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    sent.incrementAndGet();
                    long now = System.nanoTime();
                    if (now > warmupEnd && n < lat.length - 1) {
                        lat[n++] = now - scheduled;
                        done.incrementAndGet();
                    }
                }
                lat[lat.length - 1] = n;
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        double measured = (System.nanoTime() - Math.max(start, warmupEnd)) / 1e9;
        long total = 0;
        for (long[] l : perThread) {
            total += l[l.length - 1];
        }
        long[] all = new long[(int) total];
        int k = 0;
        for (long[] l : perThread) {
            int n = (int) l[l.length - 1];
            System.arraycopy(l, 0, all, k, n);
            k += n;
        }
        Arrays.sort(all);
        System.out.printf("decisions=%d errors=%d seconds=%.1f throughput=%.0f/s p50=%.2fms p99=%.2fms sent=%d%n", done.get(), errors.get(),
                measured, done.get() / measured, all.length == 0 ? 0 : all[all.length / 2] / 1e6,
                all.length == 0 ? 0 : all[(int) (all.length * 0.99)] / 1e6, sent.get());
    }
}
