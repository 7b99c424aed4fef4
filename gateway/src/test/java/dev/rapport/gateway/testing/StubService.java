package dev.rapport.gateway.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

/**
 * A stand-in for one service on a random port: answers from handlers keyed by "METHOD regex", records every request
 * (so tests can count downstream calls) and can be made to fail with 503 or to hang, to act as a service that is down.
 */
public final class StubService {
    /** A request as it arrived; {@code at} is System.nanoTime() on arrival. */
    public record Call(String method, String path, String query, String authorization, String body, long at) {
    }

    public record Answer(int status, String contentType, String body) {
        public static Answer json(String body) {
            return new Answer(200, "application/json", body);
        }

        public static Answer problem(int status, String type, String detail, String field) {
            return new Answer(status, "application/problem+json", "{\"type\":\"" + type + "\",\"title\":\"t\",\"status\":"
                    + status + ",\"detail\":\"" + detail + "\",\"errors\":[{\"field\":\"" + field + "\",\"message\":\"is wrong\"}]}");
        }
    }

    public record Request(Matcher path, Map<String, List<String>> query, String body) {
        public String param(String name) {
            List<String> v = query.get(name);
            return v == null || v.isEmpty() ? null : v.get(0);
        }
    }

    private final String name;
    private final Vertx vertx;
    private final Map<String, Function<Request, Answer>> handlers = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger port = new AtomicInteger();
    private volatile String mode = "up";
    private volatile long delayMillis;
    private HttpServer server;

    public StubService(String name, Vertx vertx) {
        this.name = name;
        this.vertx = vertx;
    }

    public StubService on(String method, String pathRegex, Function<Request, Answer> handler) {
        handlers.put(method + " " + pathRegex, handler);
        return this;
    }

    /** Replaces (or adds) a handler for one test; answers the one it replaced, to be put back with this method. */
    public Function<Request, Answer> swap(String method, String pathRegex, Function<Request, Answer> handler) {
        return handler == null ? handlers.remove(method + " " + pathRegex) : handlers.put(method + " " + pathRegex, handler);
    }

    public StubService start() throws Exception {
        server = vertx.createHttpServer().requestHandler(this::handle).listen(0).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        port.set(server.actualPort());
        return this;
    }

    public void stop() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public String url() {
        return "http://localhost:" + port.get();
    }

    public String name() {
        return name;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public void reset() {
        calls.clear();
        mode = "up";
        delayMillis = 0;
    }

    /** Answers as usual, each after this many milliseconds (a slow service). */
    public void slow(long millis) {
        delayMillis = millis;
    }

    /** 503 to everything (a service that is up but broken). */
    public void failing() {
        mode = "failing";
    }

    /** Never answers (a service that hangs): the gateway's timeout has to cut it off. */
    public void hanging() {
        mode = "hanging";
    }

    private void handle(HttpServerRequest req) {
        req.body().onSuccess(buffer -> {
            String body = buffer.toString();
            calls.add(new Call(req.method().name(), req.path(), req.query(), req.getHeader("Authorization"), body,
                    System.nanoTime()));
            if (mode.equals("hanging")) {
                return;
            }
            if (mode.equals("failing")) {
                req.response().setStatusCode(503).end();
                return;
            }
            Map<String, List<String>> query = new java.util.HashMap<>();
            req.params().forEach(e -> query.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
            for (var e : List.copyOf(handlers.entrySet())) {
                String[] key = e.getKey().split(" ", 2);
                Matcher m = Pattern.compile(key[1]).matcher(req.path());
                if (key[0].equals(req.method().name()) && m.matches()) {
                    Answer a = e.getValue().apply(new Request(m, query, body));
                    if (delayMillis > 0) {
                        vertx.setTimer(delayMillis, t -> answer(req, a));
                    } else {
                        answer(req, a);
                    }
                    return;
                }
            }
            req.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                    .end("{\"type\":\"urn:rapport:not-found\",\"status\":404}");
        });
    }

    private static void answer(HttpServerRequest req, Answer a) {
        req.response().setStatusCode(a.status());
        if (a.contentType() != null) {
            req.response().putHeader("Content-Type", a.contentType());
        }
        req.response().end(a.body() == null ? "" : a.body());
    }
}
