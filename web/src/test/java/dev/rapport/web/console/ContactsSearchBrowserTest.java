package dev.rapport.web.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;

import dev.rapport.web.testing.Gql;
import dev.rapport.web.testing.RealSuite;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The contact search shows the rows of the last search asked for. The page lists every contact when it opens; a search
 * made before that first answer arrives must not be replaced by it when it arrives late (the form then says one tag
 * and the table shows everyone).
 */
@QuarkusTest
@TestProfile(RealSuite.Profile.class)
@EnabledIf("dev.rapport.web.testing.RealSuite#available")
class ContactsSearchBrowserTest {
    private static final int TAGGED = 3;

    @Test
    void aSearchIsNotReplacedByTheOpeningListArrivingLate() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String tag = "late-" + suffix;
        for (int i = 0; i < TAGGED; i++) {
            Gql.as("agent", "mutation($in: NewContactInput!) { createContact(input: $in) { id } }", Map.of("in", Map.of(
                    "givenName", "Tagged" + i, "familyName", "Search " + suffix, "tags", List.of(tag))));
        }
        // one more, untagged, so the opening list holds more rows than the search
        Gql.as("agent", "mutation($in: NewContactInput!) { createContact(input: $in) { id } }", Map.of("in", Map.of(
                "givenName", "Untagged", "familyName", "Search " + suffix)));

        try (StaffSession s = StaffSession.logIn("agent")) {
            try {
                // the opening list (no filter) is held back until the search has been answered and shown
                AtomicReference<Route> held = new AtomicReference<>();
                s.page.route("**/graphql", route -> {
                    String body = route.request().postData();
                    if (held.get() == null && body != null && body.contains("query Contacts") && body.contains("\"filter\":{}")) {
                        held.set(route);
                    } else {
                        route.resume();
                    }
                });
                s.navigate("Contacts").heading("Contacts");
                Locator search = s.page.locator("rapport-contacts form");
                search.getByLabel("Tag", new Locator.GetByLabelOptions().setExact(true)).fill(tag);
                search.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Search")).click();
                Locator rows = s.page.locator("rapport-contacts tbody tr");
                assertThat(rows).hasCount(TAGGED);
                assertNotNull(held.get(), "the page asked for its opening list");

                // the opening list now arrives, last: the table still shows the search
                s.page.waitForResponse(r -> r.request() == held.get().request(), () -> held.get().resume());
                s.page.waitForTimeout(500);
                assertThat(rows).hasCount(TAGGED);
                for (int i = 0; i < TAGGED; i++) {
                    assertThat(rows.nth(i)).containsText("Search " + suffix);
                }
                assertThat(rows.filter(new Locator.FilterOptions().setHasText("Untagged"))).hasCount(0);
                assertEquals(List.of(), s.problems());
            } catch (AssertionError | RuntimeException e) {
                throw s.explain(e);
            }
        }
    }
}
