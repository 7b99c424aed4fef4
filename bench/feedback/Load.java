import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Response ingestion over HTTP: a 125-initiative consultation, N invitations, then N responses rating every initiative,
 * posted with C in flight. Prints responses/s and rows/s (1 response + 125 ratings per request).
 * Usage: java Load.java <baseUrl> <token> <responses> <concurrency> <invitationSecret>
 */
public class Load {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static String base;
    static String token;

    public static void main(String[] a) throws Exception {
        base = a[0];
        token = a[1];
        int n = Integer.parseInt(a[2]);
        int concurrency = Integer.parseInt(a[3]);
        String secret = a[4];
        int initiatives = 125;

        StringBuilder list = new StringBuilder();
        for (int i = 1; i <= initiatives; i++) {
            list.append(i == 1 ? "" : ",").append("{\"title\":\"Initiative ").append(i).append("\"}");
        }
        String created = call("POST", "/consultations", "{\"title\":\"Bench\",\"purpose\":\"bench\",\"initiatives\":[" + list + "]}");
        String consultation = first(created, "\"id\":\"([0-9a-f-]{36})\"");
        List<String> initiativeIds = all(created.substring(created.indexOf("\"initiatives\"")), "\"id\":\"([0-9a-f-]{36})\"");
        call("POST", "/consultations/" + consultation + "/status", "{\"status\":\"OPEN\"}");

        for (int from = 0; from < n; from += 10_000) {
            StringBuilder audience = new StringBuilder();
            for (int i = from; i < Math.min(n, from + 10_000); i++) {
                audience.append(i == from ? "" : ",").append("{\"contactId\":\"").append(java.util.UUID.randomUUID())
                        .append("\",\"attributes\":{\"region\":\"r").append(i % 4).append("\"}}");
            }
            call("POST", "/consultations/" + consultation + "/invitations", "{\"audience\":[" + audience + "]}");
        }
        // let background sending settle, so that it does not run during the measurement
        while (call("GET", "/consultations/" + consultation + "/invitations?status=PENDING&limit=1", null).contains("\"id\"")) {
            Thread.sleep(1000);
        }
        List<String> invitations = new ArrayList<>();
        String cursor = null;
        do {
            String page = call("GET", "/consultations/" + consultation + "/invitations?limit=1000" + (cursor == null ? "" : "&cursor=" + cursor), null);
            for (String id : all(page, "\\{\"id\":\"([0-9a-f-]{36})\"")) {
                invitations.add(id);
            }
            cursor = first(page, "\"next\":\"([A-Za-z0-9_-]+)\"");
        } while (cursor != null);

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String[] buckets = {"ESSENTIAL", "IMPORTANT", "LOW_BUT_IMPORTANT", "NOT_IMPORTANT"};
        Random random = new Random(42);
        List<String> bodies = new ArrayList<>();
        for (String inv : invitations) {
            String t = Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(inv.getBytes(StandardCharsets.UTF_8)));
            StringBuilder r = new StringBuilder("{\"invitationToken\":\"" + t + "\",\"ratings\":[");
            for (int i = 0; i < initiativeIds.size(); i++) {
                r.append(i == 0 ? "" : ",").append("{\"initiativeId\":\"").append(initiativeIds.get(i)).append("\",\"bucket\":\"")
                        .append(buckets[random.nextInt(4)]).append("\"}");
            }
            bodies.add(r.append("]}").toString());
        }

        Semaphore inFlight = new Semaphore(concurrency);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        for (String body : bodies) {
            inFlight.acquire();
            HTTP.sendAsync(request("POST", "/responses", body), HttpResponse.BodyHandlers.discarding()).whenComplete((res, e) -> {
                if (e == null && res.statusCode() == 201) {
                    ok.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
                inFlight.release();
            });
        }
        inFlight.acquire(concurrency);
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf("consultation=%s responses=%d failed=%d seconds=%.1f responses/s=%.0f rows/s=%.0f%n", consultation,
                ok.get(), failed.get(), secs, ok.get() / secs, ok.get() * (initiatives + 1) / secs);
    }

    static HttpRequest request(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
        return b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static String call(String method, String path, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " → " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static String first(String s, String regex) {
        Matcher m = Pattern.compile(regex).matcher(s);
        return m.find() ? m.group(1) : null;
    }

    static List<String> all(String s, String regex) {
        Matcher m = Pattern.compile(regex).matcher(s);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
