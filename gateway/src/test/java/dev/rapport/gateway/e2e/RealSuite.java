package dev.rapport.gateway.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The real suite for end-to-end tests: Keycloak from the build's unpacked distribution (realm imported) and the three
 * services from their built jars (prod configuration, embedded PostgreSQL in a temporary data directory), each on a
 * random port. Started once per test JVM; every process is stopped by its PID when the tests end, also on failure
 * (a shutdown hook covers an aborted JVM).
 */
public class RealSuite implements QuarkusTestResourceLifecycleManager {
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final String[] SERVICES = {"contacts-service", "consent-service", "feedback-service"};

    private static final List<Process> PROCESSES = new ArrayList<>();
    static final Map<String, Process> BY_NAME = new LinkedHashMap<>();
    static final Map<String, String> URLS = new LinkedHashMap<>();
    static String keycloakUrl;
    private Path dataDir;

    /** The suite can run only after a full build (service jars and the unpacked Keycloak exist). */
    public static boolean available() {
        return keycloakHome() != null && List.of(SERVICES).stream()
                .allMatch(s -> Files.isRegularFile(REPO.resolve(s).resolve("target/quarkus-app/quarkus-run.jar")));
    }

    static Path keycloakHome() {
        try (var dirs = Files.list(REPO.resolve("keycloak/target"))) {
            return dirs.filter(p -> p.getFileName().toString().startsWith("keycloak-") && Files.isDirectory(p.resolve("bin")))
                    .findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public Map<String, String> start() {
        Runtime.getRuntime().addShutdownHook(new Thread(RealSuite::stopAll));
        try {
            dataDir = Files.createTempDirectory("rapport-e2e");
            int kcPort = freePort();
            keycloakUrl = "http://localhost:" + kcPort;
            startKeycloak(kcPort);
            String oidc = keycloakUrl + "/realms/rapport";
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (String s : SERVICES) {
                ports.put(s, freePort());
                URLS.put(s, "http://localhost:" + ports.get(s));
            }
            // services validate tokens against Keycloak at their first request, so they may start alongside it
            for (String s : SERVICES) {
                startService(s, ports.get(s), oidc);
            }
            waitFor("keycloak", oidc + "/.well-known/openid-configuration", Duration.ofMinutes(4));
            for (String s : SERVICES) {
                waitFor(s, URLS.get(s) + "/q/health/ready", Duration.ofMinutes(4));
            }
            warmUp(oidc);
            return Map.of("quarkus.oidc.auth-server-url", oidc,
                    "quarkus.rest-client.contacts.url", URLS.get("contacts-service"),
                    "quarkus.rest-client.consent.url", URLS.get("consent-service"),
                    "quarkus.rest-client.feedback.url", URLS.get("feedback-service"));
        } catch (RuntimeException | IOException | InterruptedException e) {
            stopAll();
            throw new IllegalStateException("The end-to-end suite did not start (logs in " + dataDir + ")", e);
        }
    }

    private void startKeycloak(int port) throws IOException {
        Path home = keycloakHome();
        Files.createDirectories(home.resolve("data/import"));
        Files.copy(REPO.resolve("keycloak/realm-rapport.json"), home.resolve("data/import/realm-rapport.json"),
                StandardCopyOption.REPLACE_EXISTING);
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm",
                "--http-port=" + port, "--http-management-port=" + freePort(), "--db=dev-file",
                "--db-url=jdbc:h2:file:" + dataDir.resolve("keycloak/keycloakdb") + ";NON_KEYWORDS=VALUE");
        pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        launch("keycloak", pb);
    }

    private void startService(String name, int port, String oidc) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("java", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dquarkus.http.port=" + port,
                "-jar", REPO.resolve(name).resolve("target/quarkus-app/quarkus-run.jar").toString());
        Map<String, String> env = pb.environment();
        env.remove("RAPPORT_DB_URL");
        env.put("RAPPORT_DATA_DIR", dataDir.toString());
        env.put("RAPPORT_OIDC_URL", oidc);
        env.put("RAPPORT_CONSENT_URL", URLS.get("consent-service"));
        env.put("RAPPORT_CONTACTS_URL", URLS.get("contacts-service"));
        env.put("RAPPORT_FEEDBACK_URL", URLS.get("feedback-service"));
        launch(name, pb);
    }

    private void launch(String name, ProcessBuilder pb) throws IOException {
        Path log = dataDir.resolve(name + ".log");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process p = pb.start();
        synchronized (PROCESSES) {
            PROCESSES.add(p);
        }
        BY_NAME.put(name, p);
    }

    private static void waitFor(String name, String url, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            Process p = BY_NAME.get(name);
            if (p != null && !p.isAlive()) {
                throw new IllegalStateException(name + " exited with " + p.exitValue());
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(2000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " was not ready within " + limit);
    }

    /**
     * A first request pays for fetching Keycloak's keys, opening database pools and compiling hot code; on a busy
     * machine that can exceed the gateway's timeout. Pay it here, once, with a real token.
     */
    private static void warmUp(String oidc) throws IOException {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password=admin";
        HttpURLConnection tokenCall = (HttpURLConnection) URI.create(oidc + "/protocol/openid-connect/token").toURL().openConnection();
        tokenCall.setDoOutput(true);
        tokenCall.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        tokenCall.getOutputStream().write(form.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String body = new String(tokenCall.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String token = body.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        String anyId = "00000000-0000-7000-8000-000000000000";
        for (String path : List.of("contacts-service /contacts?limit=1", "contacts-service /values?contactIds=" + anyId,
                "consent-service /purposes", "consent-service /contacts/" + anyId + "/consents",
                "consent-service /contacts/" + anyId + "/policy", "feedback-service /cases?contactId=" + anyId)) {
            String[] target = path.split(" ");
            for (int attempt = 0; attempt < 2; attempt++) {
                HttpURLConnection c = (HttpURLConnection) URI.create(URLS.get(target[0]) + target[1]).toURL().openConnection();
                c.setRequestProperty("Authorization", "Bearer " + token);
                c.setReadTimeout(60_000);
                c.getResponseCode();
            }
        }
    }

    /** Freezes (SIGSTOP) or thaws (SIGCONT) a service: a hung service, without losing its state. */
    static void signal(String name, String signal) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, Long.toString(BY_NAME.get(name).pid())).inheritIO().start().waitFor();
    }

    @Override
    public void stop() {
        stopAll();
        if (dataDir != null && !Boolean.getBoolean("rapport.e2e.keep")) {
            try (var files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException ignored) {
                // temporary directory; the OS cleans it eventually
            }
        }
    }

    static void stopAll() {
        List<Process> all;
        synchronized (PROCESSES) {
            all = new ArrayList<>(PROCESSES);
            PROCESSES.clear();
        }
        for (Process p : all) {
            try {
                new ProcessBuilder("kill", "-CONT", Long.toString(p.pid())).start().waitFor(5, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException ignored) {
                // best effort: a frozen process would not see SIGTERM until thawed
            }
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : all) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
