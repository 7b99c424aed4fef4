import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The benchmark's partner: a JDK HTTP server on a free loopback port that verifies every Standard Webhooks signature
 * (as a partner must) and answers 204. GET /count answers "<verified> <refused>". Writes its port to the file named
 * by the second argument.
 *
 *   java bench/webhooks/Receiver.java whsec_... port-file
 */
public class Receiver {
    public static void main(String[] args) throws Exception {
        byte[] key = Base64.getDecoder().decode(args[0].substring("whsec_".length()));
        AtomicLong verified = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return mac;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.createContext("/hooks", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                String ts = exchange.getRequestHeaders().getFirst("webhook-timestamp");
                String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
                byte[] expected = ("v1," + Base64.getEncoder().encodeToString(macs.get()
                        .doFinal((id + "." + ts + "." + body).getBytes(StandardCharsets.UTF_8)))).getBytes(StandardCharsets.US_ASCII);
                boolean ok = signature != null && MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
                (ok ? verified : refused).incrementAndGet();
                exchange.sendResponseHeaders(ok ? 204 : 401, -1);
            }
        });
        server.createContext("/count", exchange -> {
            try (exchange) {
                byte[] answer = (verified.get() + " " + refused.get()).getBytes(StandardCharsets.US_ASCII);
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        Files.writeString(Path.of(args[1]), Integer.toString(server.getAddress().getPort()));
    }
}
