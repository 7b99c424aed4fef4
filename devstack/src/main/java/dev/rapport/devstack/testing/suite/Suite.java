package dev.rapport.devstack.testing.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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

import dev.rapport.devstack.LocalPostgres;
import dev.rapport.devstack.testing.Tokens;

/**
 * The whole suite as real processes, for end-to-end and reliability tests: optionally Keycloak (from the build's
 * unpacked distribution, realm imported), any of the three services and the gateway from their built jars, each on a
 * random free port, with one PostgreSQL ({@link LocalPostgres}, a database per service) in a temporary data directory
 * unless a database URL is given per service. The database outlives a killed service, as a real one would.
 * <p>
 * Without Keycloak the processes run the {@code local} profile and trust the development key ({@link Tokens});
 * service-to-service calls then carry fixed development tokens. Every process is stopped by its PID in
 * {@link #stop()}, also from a shutdown hook when the JVM is aborted. A service can be killed ({@code SIGKILL}),
 * frozen, thawed and restarted on the same port and data.
 */
public final class Suite {
    public static final String CONTACTS = "contacts-service";
    public static final String CONSENT = "consent-service";
    public static final String FEEDBACK = "feedback-service";
    public static final String GATEWAY = "gateway";
    public static final List<String> SERVICES = List.of(CONTACTS, CONSENT, FEEDBACK);
    /** The database each service keeps its data in. */
    public static final Map<String, String> DATABASES = Map.of(CONTACTS, "contacts", CONSENT, "consent", FEEDBACK, "feedback");

    private final Path repo;
    private final boolean keycloak;
    private final List<String> members;
    private final Map<String, String> databaseUrls;
    private final Map<String, Map<String, String>> extraProperties;
    private final Map<String, Map<String, String>> extraEnvironment;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Integer> restarts = new LinkedHashMap<>();
    private final Thread hook = new Thread(this::stopProcessesAndDatabase);
    private Path dataDir;
    private LocalPostgres postgres;
    private String keycloakUrl;

    private Suite(Builder b) {
        this.repo = b.repo;
        this.keycloak = b.keycloak;
        this.members = List.copyOf(b.members);
        this.databaseUrls = new LinkedHashMap<>(b.databaseUrls);
        this.extraProperties = Map.copyOf(b.extraProperties);
        this.extraEnvironment = Map.copyOf(b.extraEnvironment);
    }

    /** The repository root, assuming tests run in a module directory one level below it. */
    public static Path repoFromModule() {
        return Path.of("..").toAbsolutePath().normalize();
    }

    public static Builder builder(Path repo) {
        return new Builder(repo);
    }

    /** Whether the built artefacts the suite needs exist (after {@code ./mvnw install} or {@code verify}). */
    public static boolean available(Path repo, boolean keycloak, List<String> members) {
        return (!keycloak || keycloakHome(repo) != null)
                && members.stream().allMatch(m -> Files.isRegularFile(jar(repo, m)));
    }

    private static Path jar(Path repo, String member) {
        return repo.resolve(member).resolve("target/quarkus-app/quarkus-run.jar");
    }

    static Path keycloakHome(Path repo) {
        Path target = repo.resolve("keycloak/target");
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (var dirs = Files.list(target)) {
            return dirs.filter(p -> p.getFileName().toString().startsWith("keycloak-") && Files.isDirectory(p.resolve("bin")))
                    .findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    public static final class Builder {
        private final Path repo;
        private boolean keycloak;
        private final List<String> members = new ArrayList<>();
        private final Map<String, String> databaseUrls = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> extraProperties = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> extraEnvironment = new LinkedHashMap<>();

        private Builder(Path repo) {
            this.repo = repo;
        }

        /** Real Keycloak with the repository's realm; without it, everything trusts the development key. */
        public Builder keycloak(boolean on) {
            this.keycloak = on;
            return this;
        }

        /** Services and/or the gateway to run, started in the order given. */
        public Builder members(String... names) {
            members.addAll(List.of(names));
            return this;
        }

        /** Use this PostgreSQL ({@code postgresql://host:port/db}) for a service instead of its embedded default. */
        public Builder database(String member, String url) {
            databaseUrls.put(member, url);
            return this;
        }

        /** Extra {@code -D} system properties for one member (configuration overrides). */
        public Builder property(String member, String key, String value) {
            extraProperties.computeIfAbsent(member, k -> new LinkedHashMap<>()).put(key, value);
            return this;
        }

        /**
         * An environment variable for one member, set after the suite's own, so it may override them (e.g. point
         * {@code RAPPORT_CONSENT_URL} at a proxy in front of consent-service).
         */
        public Builder environment(String member, String key, String value) {
            extraEnvironment.computeIfAbsent(member, k -> new LinkedHashMap<>()).put(key, value);
            return this;
        }

        public Suite start() {
            Suite suite = new Suite(this);
            suite.startAll();
            return suite;
        }
    }

    private void startAll() {
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            dataDir = Files.createTempDirectory("rapport-suite");
            if (keycloak) {
                int port = freePort();
                keycloakUrl = "http://localhost:" + port;
                startKeycloak(port);
            }
            for (String m : members) {
                ports.put(m, freePort());
                if (DATABASES.containsKey(m) && !databaseUrls.containsKey(m)) {
                    if (postgres == null) {
                        postgres = LocalPostgres.start(dataDir.resolve("postgres"), 0);
                    }
                    databaseUrls.put(m, postgres.database(DATABASES.get(m)));
                }
            }
            // services validate tokens against Keycloak at their first request, so they may start alongside it
            for (String m : members) {
                startMember(m);
            }
            if (keycloak) {
                waitFor("keycloak", oidcUrl() + "/.well-known/openid-configuration", startTimeout());
            }
            for (String m : members) {
                awaitReady(m, startTimeout());
            }
        } catch (RuntimeException | IOException | InterruptedException e) {
            stop();
            throw new IllegalStateException("The suite did not start (logs in " + dataDir + ")", e);
        }
    }

    /** How long each process may take to become ready: {@code -Drapport.suite.start-timeout=PT10M} on a slow machine. */
    private static Duration startTimeout() {
        return Duration.parse(System.getProperty("rapport.suite.start-timeout", "PT8M"));
    }

    private void startKeycloak(int port) throws IOException {
        Path home = keycloakHome(repo);
        if (home == null) {
            throw new IllegalStateException("Keycloak is not unpacked: run ./mvnw install first");
        }
        Files.createDirectories(home.resolve("data/import"));
        Files.copy(repo.resolve("keycloak/realm-rapport.json"), home.resolve("data/import/realm-rapport.json"),
                StandardCopyOption.REPLACE_EXISTING);
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm",
                "--http-port=" + port, "--http-management-port=" + freePort(), "--db=dev-file",
                "--db-url=jdbc:h2:file:" + dataDir.resolve("keycloak/keycloakdb") + ";NON_KEYWORDS=VALUE");
        pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        launch("keycloak", pb);
    }

    /**
     * Signed links and link sessions with the development keys: the prod configuration requires them (the HMAC secret of
     * links, the gateway's key that signs link sessions, and its public half that every service trusts).
     */
    public static final Map<String, String> LINK_ENVIRONMENT = Map.of(
            "RAPPORT_LINK_SECRET", "local-development-link-secret-not-for-production",
            "RAPPORT_LINK_SIGNING_KEY", Tokens.devKey("links-private.pem"),
            "RAPPORT_LINK_PUBLIC_KEY", Tokens.devKey("links-public.pem"));

    /** The development key webhook signing secrets are stored encrypted with: the prod configuration requires one. */
    public static final Map<String, String> WEBHOOK_ENVIRONMENT = Map.of(
            "RAPPORT_WEBHOOK_SECRET_KEY", "bG9jYWwtZGV2ZWxvcG1lbnQtd2ViaG9vay1rZXktMzI=");

    private void startMember(String name) throws IOException {
        List<String> command = new ArrayList<>(List.of("java", "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.port=" + ports.get(name)));
        if (!keycloak) {
            command.add("-Dquarkus.profile=local");
        } else if (GATEWAY.equals(name)) {
            command.add("-Dquarkus.profile=keycloak");
        }
        extraProperties.getOrDefault(name, Map.of()).forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", jar(repo, name).toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.remove("RAPPORT_DB_URL");
        env.put("RAPPORT_DATA_DIR", dataDir.toString());
        if (databaseUrls.containsKey(name)) {
            env.put("RAPPORT_DB_URL", databaseUrls.get(name));
        }
        if (keycloak) {
            env.put("RAPPORT_OIDC_URL", oidcUrl());
        } else {
            env.put("RAPPORT_OUTBOX_BEARER_TOKEN", Tokens.issue("contacts-service", List.of("integration"), null, 24 * 3600));
            env.put("RAPPORT_CONSENT_BEARER_TOKEN", Tokens.issue("feedback-service", List.of("integration"), null, 24 * 3600));
        }
        // members not in this suite point at a closed port: their calls fail as a service that is down would
        env.put("RAPPORT_CONTACTS_URL", url(CONTACTS));
        env.put("RAPPORT_CONSENT_URL", url(CONSENT));
        env.put("RAPPORT_FEEDBACK_URL", url(FEEDBACK));
        env.putAll(LINK_ENVIRONMENT);
        env.putAll(WEBHOOK_ENVIRONMENT);
        env.putAll(extraEnvironment.getOrDefault(name, Map.of()));
        launch(name, pb);
    }

    private void launch(String name, ProcessBuilder pb) throws IOException {
        int run = restarts.merge(name, 1, Integer::sum);
        Path log = dataDir.resolve(run == 1 ? name + ".log" : name + "." + run + ".log");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        synchronized (processes) {
            processes.put(name, pb.start());
        }
    }

    public String url(String member) {
        Integer port = ports.get(member);
        return "http://localhost:" + (port == null ? 9 : port);
    }

    public int port(String member) {
        return ports.get(member);
    }

    public String keycloakUrl() {
        return keycloakUrl;
    }

    /** The realm's issuer URL. */
    public String oidcUrl() {
        return keycloakUrl + "/realms/rapport";
    }

    public Path dataDir() {
        return dataDir;
    }

    public Process process(String member) {
        synchronized (processes) {
            return processes.get(member);
        }
    }

    /** A password-grant token for a demo user of the realm (password = user name). */
    public String keycloakToken(String user) throws IOException {
        return passwordGrant(oidcUrl(), user, user);
    }

    /** Keycloak's own administrator token (realm master, the local development admin), for its admin REST API. */
    public String keycloakAdminToken() {
        try {
            return passwordGrant(keycloakUrl() + "/realms/master", "admin", "admin");
        } catch (IOException e) {
            throw new UncheckedIOException("No admin token from Keycloak", e);
        }
    }

    /** Points a realm user at a contact: sets its {@code contact_id} attribute; its next token carries the claim. */
    public void linkContactUser(String username, String contactId) {
        try {
            putContactId(username, contactId);
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak did not update " + username, e);
        }
    }

    private void putContactId(String username, String contactId) throws IOException {
        ObjectMapper json = new ObjectMapper();
        String admin = keycloakAdminToken();
        String users = keycloakUrl() + "/admin/realms/rapport/users";
        HttpURLConnection find = (HttpURLConnection) URI.create(users + "?exact=true&username=" + username).toURL().openConnection();
        find.setRequestProperty("Authorization", "Bearer " + admin);
        JsonNode found = json.readTree(find.getInputStream()).path(0);
        if (!(found instanceof ObjectNode user)) {
            throw new IllegalStateException("Keycloak has no user " + username);
        }
        user.putObject("attributes").putArray("contact_id").add(contactId);
        HttpURLConnection put = (HttpURLConnection) URI.create(users + "/" + user.path("id").asText()).toURL().openConnection();
        put.setRequestMethod("PUT");
        put.setDoOutput(true);
        put.setRequestProperty("Authorization", "Bearer " + admin);
        put.setRequestProperty("Content-Type", "application/json");
        put.getOutputStream().write(json.writeValueAsBytes(user));
        if (put.getResponseCode() != 204) {
            throw new IllegalStateException("Keycloak did not update " + username + ": HTTP " + put.getResponseCode());
        }
    }

    private static String passwordGrant(String realmUrl, String user, String password) throws IOException {
        String form = "grant_type=password&client_id=admin-cli&username=" + user + "&password=" + password;
        HttpURLConnection c = (HttpURLConnection) URI.create(realmUrl + "/protocol/openid-connect/token").toURL().openConnection();
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        c.getOutputStream().write(form.getBytes(StandardCharsets.UTF_8));
        String body = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return body.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    }

    /** Waits until the member answers 200 on its readiness probe. */
    public void awaitReady(String member, Duration limit) throws InterruptedException {
        waitFor(member, url(member) + "/q/health/ready", limit);
    }

    /** {@code kill -9}: the process gets no chance to finish anything. */
    public void kill(String member) throws InterruptedException {
        Process p = process(member);
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
    }

    /** Starts a killed or stopped member again on the same port with the same data. */
    public void restart(String member) throws IOException {
        if (process(member).isAlive()) {
            throw new IllegalStateException(member + " is still running");
        }
        startMember(member);
    }

    /** Sends a signal by name ({@code STOP} freezes a member without losing its state, {@code CONT} thaws it). */
    public void signal(String member, String signal) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, Long.toString(process(member).pid())).inheritIO().start().waitFor();
    }

    /** Stops every process by its PID and removes the data directory (kept with {@code -Drapport.suite.keep=true}). */
    public void stop() {
        stopProcessesAndDatabase();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
        if (dataDir != null && !Boolean.getBoolean("rapport.suite.keep")) {
            try (var files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException ignored) {
                // temporary directory; the OS cleans it eventually
            }
        }
    }

    private void stopProcessesAndDatabase() {
        stopProcesses();
        if (postgres != null) {
            postgres.close();
        }
    }

    private void stopProcesses() {
        List<Process> all;
        synchronized (processes) {
            all = new ArrayList<>(processes.values());
            processes.clear();
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

    private void waitFor(String name, String url, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            Process p = process(name);
            if (p != null && !p.isAlive()) {
                throw new IllegalStateException(name + " exited with " + p.exitValue() + " (logs in " + dataDir + ")");
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
        throw new IllegalStateException(name + " was not ready within " + limit + " (logs in " + dataDir + ")");
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
