package dev.rapport.feedback;

import dev.rapport.platform.db.EmbeddedDatabase;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

@QuarkusMain
public class FeedbackMain {
    public static void main(String... args) {
        EmbeddedDatabase.startUnlessConfigured("feedback");
        Quarkus.run(args);
    }
}
