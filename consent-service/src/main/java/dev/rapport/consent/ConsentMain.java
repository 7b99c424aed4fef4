package dev.rapport.consent;

import dev.rapport.platform.db.EmbeddedDatabase;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

@QuarkusMain
public class ConsentMain {
    public static void main(String... args) {
        EmbeddedDatabase.startUnlessConfigured("consent");
        Quarkus.run(args);
    }
}
