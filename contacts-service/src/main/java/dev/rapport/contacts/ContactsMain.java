package dev.rapport.contacts;

import dev.rapport.platform.db.DatabaseRequired;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

@QuarkusMain
public class ContactsMain {
    public static void main(String... args) {
        DatabaseRequired.orExit("contacts-service", "contacts");
        Quarkus.run(args);
    }
}
