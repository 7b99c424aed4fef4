import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "contact 360" benchmark's client (JDK only, run as: java Bench360.java ...).
 *
 *   seed <contacts-url> <consent-url> <feedback-url> <admin-token> <contacts> <concurrency> <ids-file>
 *       purposes, then per contact: a work e-mail given on a form, a phone from enrichment, consents, a policy,
 *       0-2 cases with a rating each; then waits until contacts-service has delivered every contact point to
 *       consent-service (decisions need them).
 *   load <gateway-url> <contacts-url> <consent-url> <feedback-url> <token> <ids-file> <concurrency> <seconds> <rounds>
 *       after a warm-up, per round: the GraphQL 360 with the token, the same data by direct REST calls (the calls of
 *       one 360 in parallel), the GraphQL 360 without a token (the bench profile's fixed identity); closed loops of
 *       <concurrency> clients for <seconds> each, random contacts. Prints 360s/s, p50, p99 and the ratios.
 */
public class Bench360 {
    static final int WARMUP_PASSES = Integer.getInteger("warmup.passes", 2);
    static final List<String> PURPOSES = List.of("newsletter", "survey", "service");

    /** The one query text. Ratings are not on Contact yet: adding them is one line here, and the REST side follows. */
    static final String QUERY = """
            query Contact360($id: ID!) {
              contact(id: $id) {
                id displayName lifecycleStage owner tags version
                contactPoints { id channel address context capturedAt verifiedAt provenance { kind source } }
                consents { purpose channel contactPointId status eventId lawfulBasis source since expiresAt }
                decisions(purposes: ["newsletter", "survey", "service"]) { purpose allowed channel contactPointId reasons { code detail } }
                cases { nodes { id status channel problem openedAt resolvedAt } }
                ratings { nodes { id subjectType subjectId stars comment ratedAt } }
              }
            }""";

    /** The GraphQL request body for QUERY; %s is the contact id. */
    static final String BODY = "{\"query\":\"" + QUERY.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
            + "\",\"variables\":{\"id\":\"%s\"}}";

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] a) throws Exception {
        if (a[0].equals("body")) { // the contact-360 request body for one contact, for wrk (flood.sh)
            System.out.print(BODY.formatted(a[1]));
            return;
        }
        if (a[0].equals("seed")) {
            seed(a[1], a[2], a[3], a[4], Integer.parseInt(a[5]), Integer.parseInt(a[6]), Path.of(a[7]));
        } else {
            load(a[1], a[2], a[3], a[4], a[5], Files.readAllLines(Path.of(a[6])), Integer.parseInt(a[7]),
                    Integer.parseInt(a[8]), Integer.parseInt(a[9]));
        }
    }

    // --- seeding -------------------------------------------------------------------------------------------------

    static void seed(String contacts, String consent, String feedback, String token, int n, int concurrency, Path idsFile)
            throws Exception {
        post(consent + "/purposes", token, "{\"code\":\"newsletter\",\"description\":\"Monthly newsletter\",\"lawfulBasis\":\"CONSENT\"}");
        post(consent + "/purposes", token, "{\"code\":\"survey\",\"description\":\"Customer surveys\",\"lawfulBasis\":\"CONSENT\"}");
        post(consent + "/purposes", token, "{\"code\":\"service\",\"description\":\"Service messages\",\"lawfulBasis\":\"CONTRACT\"}");
        String[] ids = new String[n];
        AtomicInteger next = new AtomicInteger();
        AtomicLong calls = new AtomicLong(3);
        long t0 = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            Thread th = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    ids[i] = seedOne(contacts, consent, feedback, token, i, calls);
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        Files.write(idsFile, Arrays.asList(ids));
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("seeded contacts=%d calls=%d seconds=%.1f (%.0f calls/s)%n", n, calls.get(), s, calls.get() / s);
        // decisions need contact-point changes delivered through contacts-service's outbox
        for (int i = 0; i < 600; i++) {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(contacts + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("(?m)^rapport_outbox_pending(?:\\{[^}]*\\})? ([0-9.eE+]+)").matcher(metrics);
            if (m.find() && Double.parseDouble(m.group(1)) == 0) {
                System.out.printf("outbox delivered after %.1f s%n", (System.nanoTime() - t0) / 1e9 - s);
                return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("contacts-service's outbox did not drain within 10 minutes");
    }

    static String seedOne(String contacts, String consent, String feedback, String token, int i, AtomicLong calls) {
        String contact = post(contacts + "/contacts", token, """
                {"givenName":"Bench","familyName":"Person %1$d","lifecycleStage":"CUSTOMER","owner":"agent","tags":["bench"],
                 "contactPoints":[{"channel":"EMAIL","address":"person.%1$d@work.example.com","context":"WORK",
                   "provenance":{"kind":"PROVIDED_BY_CONTACT","source":"webinar-signup-form"}}]}""".formatted(i));
        String id = firstId(contact);
        post(contacts + "/contacts/" + id + "/contact-points", token, """
                {"channel":"PHONE","address":"+44 20 7946 %04d","context":"WORK",
                 "provenance":{"kind":"ENRICHMENT","source":"bench-vendor"}}""".formatted(i % 10000));
        post(consent + "/contacts/" + id + "/consent-events", token, """
                {"kind":"GRANT","purpose":"newsletter","channel":"EMAIL","source":"WEB_FORM",
                 "evidence":{"formId":"webinar-signup-form"}}""");
        String survey = i % 5 == 0 ? "{\"kind\":\"OBJECT\",\"purpose\":\"survey\",\"source\":\"AGENT\"}"
                : "{\"kind\":\"GRANT\",\"purpose\":\"survey\",\"channel\":\"EMAIL\",\"source\":\"PREFERENCE_CENTRE\"}";
        post(consent + "/contacts/" + id + "/consent-events", token, survey);
        put(consent + "/contacts/" + id + "/policy", token, """
                {"preferredChannels":["EMAIL","PHONE"],"quietHoursStart":"21:00","quietHoursEnd":"08:00",
                 "timeZone":"Europe/London","maxTouches":4,"windowDays":7,"doNotContact":false}""");
        calls.addAndGet(5);
        for (int c = 0; c < i % 3; c++) {
            String opened = post(feedback + "/cases", token, """
                    {"contactId":"%s","problem":"Bench problem %d for person %d","channel":"PHONE"}""".formatted(id, c, i));
            post(feedback + "/ratings", token, """
                    {"subjectType":"CASE","subjectId":"%s","staff":"agent","touchpoint":"phone","stars":%d,"contactId":"%s"}"""
                    .formatted(firstId(opened), 1 + (i + c) % 5, id));
            calls.addAndGet(2);
        }
        return id;
    }

    static String firstId(String json) {
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return m.group(1);
    }

    static String post(String url, String token, String body) {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)), token);
    }

    static String put(String url, String token, String body) {
        return send(HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofString(body)), token);
    }

    static String send(HttpRequest.Builder b, String token) {
        HttpRequest req = b.header("Authorization", "Bearer " + token).header("Content-Type", "application/json").build();
        try {
            HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(req.method() + " " + req.uri() + " -> " + r.statusCode() + " " + r.body());
            }
            return r.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- load ----------------------------------------------------------------------------------------------------

    /** One way of getting a 360: true when every answer was complete. */
    interface Way {
        boolean fetch(String contactId) throws Exception;
    }

    record Result(long count, long errors, double seconds, long[] latencies) {
        double rate() {
            return count / seconds;
        }

        double percentile(double p) {
            return latencies.length == 0 ? 0 : latencies[Math.min(latencies.length - 1, (int) (latencies.length * p))] / 1e6;
        }

        Result plus(Result o) {
            long[] all = Arrays.copyOf(latencies, latencies.length + o.latencies.length);
            System.arraycopy(o.latencies, 0, all, latencies.length, o.latencies.length);
            Arrays.sort(all);
            return new Result(count + o.count, errors + o.errors, seconds + o.seconds, all);
        }
    }

    static void load(String gateway, String contacts, String consent, String feedback, String token, List<String> ids,
            int concurrency, int seconds, int rounds) throws Exception {
        boolean ratings = QUERY.contains("ratings");
        String body = BODY;
        Map<String, Way> ways = new LinkedHashMap<>();
        ways.put("graphql, auth on", id -> graphql(gateway, token, body.formatted(id)));
        ways.put("direct REST, auth on", id -> rest(contacts, consent, feedback, token, id, ratings));
        ways.put("graphql, auth off", id -> graphql(gateway, null, body.formatted(id)));
        System.out.println("query: " + QUERY.replaceAll("\\s+", " ").trim());
        System.out.println("direct REST per 360: GET /contacts/{id} (points included), GET /contacts/{id}/consents, "
                + PURPOSES.size() + "x POST /decisions, GET /cases?contactId=" + (ratings ? ", GET /by-contact/ratings" : "")
                + " (in parallel)");
        // Warm-up (JIT, pools, caches): every way, WARMUP_PASSES times for a full run each. The JIT keeps improving
        // for minutes; a shorter warm-up favours whichever way runs last.
        for (int pass = 1; pass <= WARMUP_PASSES; pass++) {
            for (var w : ways.entrySet()) {
                Result res = run(w.getValue(), ids, concurrency, seconds);
                System.out.printf("warm-up %d  %-20s 360s/s=%7.1f%n", pass, w.getKey(), res.rate());
            }
        }
        Map<String, Result> total = new LinkedHashMap<>();
        List<String> order = new ArrayList<>(ways.keySet());
        for (int r = 1; r <= rounds; r++) {
            // odd rounds in order, even rounds reversed: a drift over the run (JIT, a neighbour's load) hits all alike
            List<String> thisRound = new ArrayList<>(order);
            if (r % 2 == 0) {
                Collections.reverse(thisRound);
            }
            for (String name : thisRound) {
                Result res = run(ways.get(name), ids, concurrency, seconds);
                System.out.printf("round %d  %-22s 360s/s=%7.1f p50=%7.1fms p99=%7.1fms n=%d errors=%d%n", r, name,
                        res.rate(), res.percentile(0.5), res.percentile(0.99), res.count(), res.errors());
                total.merge(name, res, Result::plus);
            }
        }
        System.out.println();
        System.out.printf("%-22s | %9s | %8s | %8s | %7s | %s%n", "", "360s/s", "p50 ms", "p99 ms", "360s", "errors");
        order.forEach(k -> {
            Result res = total.get(k);
            System.out.printf("%-22s | %9.1f | %8.1f | %8.1f | %7d | %d%n", k, res.rate(),
                    res.percentile(0.5), res.percentile(0.99), res.count(), res.errors());
        });
        Result gql = total.get("graphql, auth on");
        Result direct = total.get("direct REST, auth on");
        Result off = total.get("graphql, auth off");
        System.out.printf("gateway / direct REST            = %.2f   (goal >= 0.5)%n", gql.rate() / direct.rate());
        System.out.printf("cost of auth (1 - on/off)        = %.1f %%  (goal <= 15 %%)%n", 100 * (1 - gql.rate() / off.rate()));
    }

    static Result run(Way way, List<String> ids, int concurrency, int seconds) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        AtomicLong errors = new AtomicLong();
        List<long[]> perThread = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            long[] lat = new long[2_000_000 / concurrency];
            perThread.add(lat);
            Thread th = new Thread(() -> {
                int n = 0;
                while (System.nanoTime() < end && n < lat.length - 1) {
                    long t0 = System.nanoTime();
                    boolean ok;
                    try {
                        ok = way.fetch(ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
                    } catch (Exception e) {
                        ok = false;
                    }
                    if (ok) {
                        lat[n++] = System.nanoTime() - t0;
                    } else {
                        errors.incrementAndGet();
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
        double measured = (System.nanoTime() - start) / 1e9;
        int total = perThread.stream().mapToInt(l -> (int) l[l.length - 1]).sum();
        long[] all = new long[total];
        int k = 0;
        for (long[] l : perThread) {
            int n = (int) l[l.length - 1];
            System.arraycopy(l, 0, all, k, n);
            k += n;
        }
        Arrays.sort(all);
        return new Result(total, errors.get(), measured, all);
    }

    static boolean graphql(String gateway, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway + "/graphql")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 && !r.body().contains("\"errors\"") && r.body().contains("\"decisions\":[{");
    }

    /** The same data straight from the services, as a good client gets it: every call of one 360 in parallel. */
    static boolean rest(String contacts, String consent, String feedback, String token, String id, boolean ratings) {
        List<HttpRequest> calls = new ArrayList<>();
        Function<String, HttpRequest.Builder> at = url -> HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token);
        calls.add(at.apply(contacts + "/contacts/" + id).build());
        calls.add(at.apply(consent + "/contacts/" + id + "/consents").build());
        for (String p : PURPOSES) {
            calls.add(at.apply(consent + "/decisions").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"contactId\":\"" + id + "\",\"purpose\":\"" + p + "\"}")).build());
        }
        calls.add(at.apply(feedback + "/cases?contactId=" + id + "&limit=20").build());
        if (ratings) {
            calls.add(at.apply(feedback + "/by-contact/ratings?contactIds=" + id).build());
        }
        List<CompletableFuture<HttpResponse<String>>> inFlight = calls.stream()
                .map(c -> HTTP.sendAsync(c, HttpResponse.BodyHandlers.ofString())).toList();
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        return inFlight.stream().allMatch(f -> f.join().statusCode() == 200);
    }
}
