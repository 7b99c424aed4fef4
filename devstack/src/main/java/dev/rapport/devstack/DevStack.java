package dev.rapport.devstack;

import dev.rapport.devstack.testing.Tokens;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The workstation side of Rapport, one command for every script ({@code ./rapport}, {@code bench/}, the fault
 * scenarios use it through the same classes):
 * <pre>
 *   java -cp 'devstack/target/devstack.jar:devstack/target/lib/*' dev.rapport.devstack.DevStack databases [--port N] [--pg-stat-statements] NAME...
 *   java -cp 'devstack/target/devstack.jar:devstack/target/lib/*' dev.rapport.devstack.DevStack token ROLE[,ROLE] [SUBJECT] [CONTACT_ID]
 * </pre>
 * {@code databases} starts one PostgreSQL per NAME with its data in {@code ${RAPPORT_DATA_DIR:-data}/NAME/postgres}
 * (kept between runs), creates the database NAME, prints one line {@code NAME postgresql://localhost:PORT/NAME} each
 * (the services' {@code RAPPORT_DB_URL}; user and password are the services' defaults) and then {@code ready}, and
 * runs until it is stopped (SIGTERM or Ctrl-C stop the servers). {@code --port} fixes the port of a single server.
 * {@code token} prints a development bearer token (the development key in {@code dev/keys}).
 */
public final class DevStack {
    private DevStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length == 0) {
            usage();
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "databases" -> databases(rest);
            case "token" -> Tokens.main(rest);
            default -> usage();
        }
    }

    private static void databases(String[] args) throws InterruptedException {
        int port = 0;
        Map<String, String> config = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--pg-stat-statements" -> config.putAll(STATEMENT_STATISTICS);
                default -> names.add(args[i]);
            }
        }
        if (names.isEmpty() || (port != 0 && names.size() > 1)) {
            usage();
        }
        Path data = Path.of(System.getenv().getOrDefault("RAPPORT_DATA_DIR", "data")).toAbsolutePath();
        List<LocalPostgres> servers = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (servers) {
                servers.forEach(LocalPostgres::close);
            }
            stopped.countDown();
        }, "databases-stop"));
        for (String name : names) {
            LocalPostgres pg = LocalPostgres.start(data.resolve(name).resolve("postgres"), port, config);
            synchronized (servers) {
                servers.add(pg);
            }
            System.out.println(name + " " + pg.database(name));
        }
        System.out.println("ready");
        System.out.flush();
        stopped.await();
    }

    /** What {@code StatementCount} and the benchmarks read: {@code pg_stat_statements}, preloaded. */
    public static final Map<String, String> STATEMENT_STATISTICS = Map.of(
            "shared_preload_libraries", "pg_stat_statements", "pg_stat_statements.max", "10000");

    private static void usage() {
        System.err.println("""
                usage: devstack databases [--port N] [--pg-stat-statements] NAME...
                           one PostgreSQL per NAME, data in ${RAPPORT_DATA_DIR:-data}/NAME/postgres; prints
                           'NAME postgresql://localhost:PORT/NAME' per database, then 'ready'; runs until stopped
                       devstack token ROLE[,ROLE] [SUBJECT] [CONTACT_ID]
                           a development bearer token""");
        System.exit(2);
    }
}
