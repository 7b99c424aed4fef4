package dev.rapport.gateway.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.junit.jupiter.api.Test;

import dev.rapport.gateway.clients.consent.ConsentClient;
import dev.rapport.gateway.clients.contacts.ContactsClient;
import dev.rapport.gateway.clients.feedback.FeedbackClient;
import jakarta.ws.rs.GET;

/**
 * The write policy, checked on the code: a client method that calls a service's POST, PUT or DELETE carries
 * {@code @Retry} only together with {@link ReplaysFirstAnswer} saying why a repeat answers what the first call did.
 * The calls a method makes are read from its source (the bean's {@code rest.x(…)} calls), their verbs from the REST
 * client interface.
 */
class RetryPolicyTest {
    private static final Pattern METHOD = Pattern.compile("\\n    public (?!record |class |enum |interface )[^\\n]*? (\\w+)\\((.*?)\\n    }\\n",
            Pattern.DOTALL);
    private static final Pattern REST_CALL = Pattern.compile("\\brest\\.(\\w+)\\(");

    @Test
    void noWriteIsRetriedUnlessTheServiceReplaysTheFirstAnswer() throws Exception {
        List<String> wrong = new ArrayList<>();
        int writes = 0;
        for (Class<?> bean : List.of(ContactsClient.class, ConsentClient.class, FeedbackClient.class)) {
            Class<?> rest = Class.forName(bean.getPackageName() + "." + bean.getSimpleName().replace("Client", "RestClient"));
            Matcher m = METHOD.matcher(source(bean));
            while (m.find()) {
                Set<String> verbs = new TreeSet<>();
                Matcher call = REST_CALL.matcher(m.group(2));
                while (call.find()) {
                    verbs.add(verb(rest, call.group(1)));
                }
                boolean write = verbs.stream().anyMatch(v -> !v.equals("GET"));
                Method method = Arrays.stream(bean.getDeclaredMethods()).filter(x -> x.getName().equals(m.group(1)))
                        .findFirst().orElseThrow();
                if (write) {
                    writes++;
                    if (method.isAnnotationPresent(Retry.class) && !method.isAnnotationPresent(ReplaysFirstAnswer.class)) {
                        wrong.add(bean.getSimpleName() + "." + method.getName() + " (" + verbs + ")");
                    }
                }
            }
        }
        assertTrue(writes > 40, "the source of the client beans was not read: " + writes + " writes found");
        assertEquals(List.of(), wrong, "writes retried without a replay of the first answer");
    }

    private static String verb(Class<?> rest, String name) {
        Method m = Arrays.stream(rest.getDeclaredMethods()).filter(x -> x.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(rest.getSimpleName() + " has no method " + name));
        for (var a : m.getAnnotations()) {
            jakarta.ws.rs.HttpMethod verb = a.annotationType().getAnnotation(jakarta.ws.rs.HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return GET.class.getSimpleName();
    }

    private static String source(Class<?> bean) throws IOException {
        return Files.readString(Path.of("src/main/java", bean.getName().replace('.', '/') + ".java"));
    }
}
