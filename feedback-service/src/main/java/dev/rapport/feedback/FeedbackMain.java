package dev.rapport.feedback;

import dev.rapport.platform.db.DatabaseRequired;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

@QuarkusMain
public class FeedbackMain {
    public static void main(String... args) {
        DatabaseRequired.orExit("feedback-service", "feedback");
        Quarkus.run(args);
    }
}
