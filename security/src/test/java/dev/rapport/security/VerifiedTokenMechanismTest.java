package dev.rapport.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.junit.jupiter.api.Test;

/** Only a token this process has verified skips quarkus-oidc, and it is still answered by the identity providers. */
class VerifiedTokenMechanismTest {
    static final String TOKEN = "header.claims.signature";
    final SecurityIdentity alice = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("alice"))
            .addRole("agent").build();
    final List<AuthenticationRequest> asked = new ArrayList<>();
    final IdentityProviderManager providers = new IdentityProviderManager() {
        @Override
        public Uni<SecurityIdentity> authenticate(AuthenticationRequest request) {
            asked.add(request);
            return Uni.createFrom().item(alice);
        }

        @Override
        public SecurityIdentity authenticateBlocking(AuthenticationRequest request) {
            throw new UnsupportedOperationException();
        }
    };

    VerifiedTokenMechanism mechanism(String... remembered) {
        VerifiedTokenMechanism m = new VerifiedTokenMechanism();
        m.tokens = new VerifiedTokens(true, 100, Duration.ofMinutes(1), System::currentTimeMillis);
        for (String token : remembered) {
            m.tokens.remember(token, alice, System.currentTimeMillis() / 1000 + 60);
        }
        return m;
    }

    static RoutingContext requestWith(String authorization) {
        HttpServerRequest request = (HttpServerRequest) Proxy.newProxyInstance(VerifiedTokenMechanismTest.class.getClassLoader(),
                new Class<?>[] {HttpServerRequest.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getHeader")) {
                        return args[0].toString().equalsIgnoreCase("Authorization") ? authorization : null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return (RoutingContext) Proxy.newProxyInstance(VerifiedTokenMechanismTest.class.getClassLoader(),
                new Class<?>[] {RoutingContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("request")) {
                        return request;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aRememberedTokenIsAnsweredByTheIdentityProvidersWithoutQuarkusOidc() {
        RoutingContext context = requestWith("Bearer " + TOKEN);
        assertSame(alice, mechanism(TOKEN).authenticate(context, providers).await().indefinitely());
        assertEquals(1, asked.size());
        TokenAuthenticationRequest request = (TokenAuthenticationRequest) asked.get(0);
        assertEquals(TOKEN, request.getToken().getToken());
        assertSame(context, HttpSecurityUtils.getRoutingContextAttribute(request));
        assertSame(alice, mechanism(TOKEN).authenticate(requestWith("bearer " + TOKEN), providers).await().indefinitely(),
                "the scheme is case-insensitive");
    }

    @Test
    void anyOtherRequestIsLeftToQuarkusOidc() {
        VerifiedTokenMechanism m = mechanism(TOKEN);
        for (String header : new String[] {null, "", "Bearer ", "Basic YWxpY2U6c2VjcmV0", "Bearer " + TOKEN + "x",
                "Bearer other.claims.signature", TOKEN}) {
            assertNull(m.authenticate(requestWith(header), providers).await().indefinitely(), String.valueOf(header));
        }
        assertNull(mechanism().authenticate(requestWith("Bearer " + TOKEN), providers).await().indefinitely(),
                "a token never verified here");
        assertTrue(asked.isEmpty(), "no identity provider was asked: quarkus-oidc verifies these in full");
        assertNull(m.getChallenge(requestWith(null)).await().indefinitely(), "the challenge stays quarkus-oidc's");
    }
}
