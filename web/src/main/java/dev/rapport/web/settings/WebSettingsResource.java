package dev.rapport.web.settings;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The pages' settings. Served rather than bundled so one build runs anywhere: the gateway and the realm are where the
 * deployment says. They name only public things (URLs and a public client id), so there is no login.
 */
@Path("/config.json")
public class WebSettingsResource {

    @Inject
    WebConfig config;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public WebSettings settings() {
        return WebSettings.from(config);
    }
}
