package dev.rapport.reliability.security;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.devstack.testing.Tokens;
import dev.rapport.devstack.testing.suite.Suite;
import dev.rapport.reliability.Http;
import dev.rapport.reliability.KeycloakAdmin;
import dev.rapport.reliability.QuickSuite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tokens that must not get in: missing, expired, another issuer, another audience, {@code alg=none}, a tampered
 * signature or payload, a key the realm does not have, and the development key. Each gets 401 from every operation of
 * every service (each OpenAPI path, so every resource class) and from the gateway; a good token on the same paths
 * does not, so the 401 is about the token.
 */
@ExtendWith(QuickSuite.class)
class TokenAbuseTest {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder D64 = Base64.getUrlDecoder();
    private static final String AUDIENCE_MAPPER = "{\"name\":\"audience-rapport\",\"protocol\":\"openid-connect\","
            + "\"protocolMapper\":\"oidc-audience-mapper\",\"config\":{\"included.custom.audience\":\"rapport\","
            + "\"access.token.claim\":\"true\"}}";
    private static String expired;
    private static long expiredAt;

    @BeforeAll
    static void shortLivedToken() {
        KeycloakAdmin admin = new KeycloakAdmin(QuickSuite.get().suite());
        admin.createClient("{\"clientId\":\"abuse-short-lived\",\"publicClient\":true,\"directAccessGrantsEnabled\":true,"
                + "\"standardFlowEnabled\":false,\"attributes\":{\"access.token.lifespan\":\"2\"},\"protocolMappers\":[" + AUDIENCE_MAPPER + "]}");
        admin.createClient("{\"clientId\":\"abuse-other-audience\",\"publicClient\":true,\"directAccessGrantsEnabled\":true,"
                + "\"standardFlowEnabled\":false}");
        admin.createUser("token-abuse-control", "admin", Map.of());
        expired = KeycloakAdmin.passwordToken(QuickSuite.get().suite().keycloakUrl(), "abuse-short-lived", "admin").path("access_token").asText();
        expiredAt = claims(expired).path("exp").asLong();
    }

    static Map<String, String> badTokens() throws Exception {
        QuickSuite.Running suite = QuickSuite.get();
        String good = suite.admin();
        String[] parts = good.split("\\.");
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("missing", null);
        long wait = expiredAt * 1000 + 3000 - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        bad.put("expired", expired);
        String otherIssuer = KeycloakAdmin.passwordToken(suite.suite().keycloakUrl().replace("localhost", "127.0.0.1"),
                "admin-cli", "admin").path("access_token").asText();
        assertNotEquals(claims(good).path("iss"), claims(otherIssuer).path("iss"));
        bad.put("wrong issuer", otherIssuer);
        String otherAudience = KeycloakAdmin.passwordToken(suite.suite().keycloakUrl(), "abuse-other-audience", "admin")
                .path("access_token").asText();
        assertTrue(!claims(otherAudience).path("aud").toString().contains("\"rapport\""), "the other client's token has our audience");
        bad.put("wrong audience", otherAudience);
        bad.put("alg=none", B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".");
        char[] sig = parts[2].toCharArray();
        sig[sig.length / 2] = sig[sig.length / 2] == 'A' ? 'B' : 'A';
        bad.put("tampered signature", parts[0] + "." + parts[1] + "." + new String(sig));
        String agent = suite.token("agent");
        String[] agentParts = agent.split("\\.");
        ObjectNode promoted = (ObjectNode) claims(agent);
        promoted.putObject("realm_access").putArray("roles").add("admin");
        bad.put("tampered payload", agentParts[0] + "." + B64.encodeToString(promoted.toString().getBytes(StandardCharsets.UTF_8)) + "." + agentParts[2]);
        bad.put("unknown key", signWithFreshKey(parts[0], parts[1]));
        bad.put("development key", Tokens.forRoles("admin", "admin"));
        return bad;
    }

    private static JsonNode claims(String jwt) {
        try {
            return Http.JSON.readTree(D64.decode(jwt.split("\\.")[1]));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String signWithFreshKey(String header, String payload) throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(gen.generateKeyPair().getPrivate());
        rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + B64.encodeToString(rsa.sign());
    }

    /** Every operation of a service's OpenAPI document, with fresh ids for path parameters. */
    static List<String[]> operations(String base) {
        List<String[]> ops = new ArrayList<>();
        JsonNode api = Http.get(base + "/q/openapi?format=json", null).json();
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            var path = paths.next();
            path.getValue().fields().forEachRemaining(op -> {
                if (List.of("get", "post", "put", "delete", "patch").contains(op.getKey())) {
                    Iterator<String> types = op.getValue().path("requestBody").path("content").fieldNames();
                    ops.add(new String[] {op.getKey().toUpperCase(), path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString()),
                            types.hasNext() ? types.next() : "application/json"});
                }
            });
        }
        return ops;
    }

    @Test
    void everyServiceAndTheGatewayAnswer401ToEveryBadToken() throws Exception {
        QuickSuite.Running suite = QuickSuite.get();
        Map<String, String> bad = badTokens();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (String service : Suite.SERVICES) {
            String base = suite.url(service);
            List<String[]> ops = operations(base);
            assertTrue(ops.size() > 5, service + " lists no operations");
            Http.Answer control = Http.get(base + ops.stream().filter(o -> o[0].equals("GET")).findFirst().orElseThrow()[1], suite.admin());
            assertTrue(control.status() != 401, service + ": a good token is refused too: " + control);
            for (String[] op : ops) {
                for (var token : bad.entrySet()) {
                    boolean body = !op[0].equals("GET") && !op[0].equals("DELETE");
                    Http.Answer a = Http.send(op[0], base + op[1], token.getValue(), body ? op[2] : null,
                            body ? "{}".getBytes(StandardCharsets.UTF_8) : null);
                    sent++;
                    if (a.status() != 401) {
                        failures.add(service + " " + op[0] + " " + op[1] + " with " + token.getKey() + " token → " + a);
                    }
                }
            }
        }
        String graphql = "{\"query\":\"{ purposes { code } }\"}";
        // a user of its own, signed by the realm: the suite's admin may have spent its query-cost budget in earlier tests
        Http.Answer control = Http.send("POST", suite.url(Suite.GATEWAY) + "/graphql", suite.token("token-abuse-control"), "application/json",
                graphql.getBytes(StandardCharsets.UTF_8));
        assertTrue(control.status() == 200 && control.json().path("errors").isMissingNode(), "gateway refuses a good token: " + control);
        for (var token : bad.entrySet()) {
            Http.Answer a = Http.send("POST", suite.url(Suite.GATEWAY) + "/graphql", token.getValue(), "application/json",
                    graphql.getBytes(StandardCharsets.UTF_8));
            sent++;
            if (a.status() != 401) {
                failures.add("gateway /graphql with " + token.getKey() + " token → " + a);
            }
        }
        System.out.printf("[reliability] token abuse: %d requests with %d kinds of bad token, %d not answered 401%n",
                sent, bad.size(), failures.size());
        assertTrue(failures.isEmpty(), failures.size() + " bad tokens were not refused:\n"
                + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }
}
