package dev.rapport.delivery.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * A test profile for a test that needs the services started otherwise than the module's usual ones ({@link Services}
 * with these init arguments, and the {@link Mailbox}): its own resources, so a restart of its own, and none of the
 * module's global ones.
 */
public abstract class OwnServices implements QuarkusTestProfile {
    private final Map<String, String> args;

    protected OwnServices(Map<String, String> args) {
        this.args = Map.copyOf(args);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Services.class, args), new TestResourceEntry(Mailbox.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
