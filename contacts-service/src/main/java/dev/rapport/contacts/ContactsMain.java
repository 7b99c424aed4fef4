package dev.rapport.contacts;

import dev.rapport.platform.db.EmbeddedDatabase;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

@QuarkusMain
public class ContactsMain {
    public static void main(String... args) {
        EmbeddedDatabase.startUnlessConfigured("contacts");
        Quarkus.run(args);
    }
}
