package dev.rapport.gateway.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import graphql.parser.Parser;

class QueryCostTest {
    @ParameterizedTest(name = "{0} costs {1}")
    @CsvSource(delimiter = '|', value = {
            "{ purposes { code } }                                              | 2",
            "{ a: purposes { code } b: purposes { code } }                      | 4",
            "{ contacts(first: 100) { nodes { id givenName } } }               | 31",
            "{ contacts(first: 5) { nodes { id } } }                           | 3",
            "query($n: Int) { contacts(first: $n) { nodes { id } } }           | 41",
            "{ ...F } fragment F on Query { purposes { code lawfulBasis } }     | 3",
            "mutation { acknowledgeSignal(contactId: \"c\", kind: NOT_THANKED) } | 11",
            "query A { purposes { code } } query B { me { id } }                | 2",
    })
    void costFollowsTheDocumentedRules(String document, int expected) {
        assertEquals(expected, QueryCost.of(Parser.parse(document), null, Map.of("n", 200)));
    }

    @ParameterizedTest(name = "operation {0}")
    @CsvSource({ "A, 2", "B, 2" })
    void theNamedOperationIsTheOneCharged(String operation, int expected) {
        assertEquals(expected, QueryCost.of(Parser.parse("query A { purposes { code } } query B { me { id } }"), operation, Map.of()));
    }
}
