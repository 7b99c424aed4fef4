package dev.rapport.gateway.ui;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The settings of the start page ({@code /}, a static page of this module): it holds no data and names only public
 * things (the realm URL and a public client id), so anyone may read it.
 */
@Path("/ui/login-settings")
public class LoginSettingsResource {

    @Inject
    LoginConfig config;

    @ConfigProperty(name = "quarkus.smallrye-graphql.ui.root-path", defaultValue = "/q/graphql-ui")
    String graphqlUi;

    @ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "/graphql")
    String graphqlEndpoint;

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public LoginSettings settings() {
        return LoginSettings.from(config, graphqlUi, graphqlEndpoint);
    }
}
