package dev.rapport.delivery.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** French and Arabic say everything English says: the same keys as {@link Texts}, none missing, none left over. */
class TextsTest {
    @ParameterizedTest
    @ValueSource(strings = {"fr", "ar"})
    void everySentenceIsTranslated(String language) throws IOException {
        Set<String> english = Arrays.stream(Texts.class.getDeclaredMethods()).map(java.lang.reflect.Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Properties translated = new Properties();
        try (InputStream in = TextsTest.class.getResourceAsStream("/messages/msg_" + language + ".properties")) {
            translated.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertEquals(english, new TreeSet<>(translated.stringPropertyNames()));
    }
}
