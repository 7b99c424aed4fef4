package dev.rapport.consent;

import dev.rapport.platform.db.DatabaseRequired;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

@QuarkusMain
public class ConsentMain {
    public static void main(String... args) {
        DatabaseRequired.orExit("consent-service", "consent");
        Quarkus.run(args);
    }
}
