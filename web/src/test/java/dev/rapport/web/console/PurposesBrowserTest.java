package dev.rapport.web.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;

import dev.rapport.web.testing.RealSuite;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The admin adds a purpose in the staff console, and it is listed with its lawful basis. */
@QuarkusTest
@TestProfile(RealSuite.Profile.class)
@EnabledIf("dev.rapport.web.testing.RealSuite#available")
class PurposesBrowserTest {

    @Test
    void theAdminAddsAPurpose() {
        try (StaffSession s = StaffSession.logIn("admin")) {
            try {
                s.navigate("Purposes").heading("Purposes");
                Locator rows = s.page.locator("rapport-purposes tbody tr");
                s.page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
                int before = rows.count();
                Locator form = s.page.locator("rapport-purposes section form");
                form.getByLabel("Code").fill("member-events");
                form.getByLabel("Description").fill("Invitations to members' events");
                form.getByLabel("Lawful basis").selectOption("LEGITIMATE_INTEREST");
                form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add")).click();
                assertThat(s.page.locator("rapport-purposes p.notice.ok")).containsText("Saved \"member-events\".");
                assertThat(rows).hasCount(before + 1);
                assertThat(rows.filter(new Locator.FilterOptions().setHasText("member-events")))
                        .containsText("Legitimate interest");
                assertEquals(List.of(), s.problems());
            } catch (AssertionError | RuntimeException e) {
                throw s.explain(e);
            }
        }
    }
}
