package dev.rapport.gateway.subject;

import org.eclipse.microprofile.graphql.Description;

@Description("What one service holds about the person, as the JSON document its data-subject export returned (null "
        + "when it holds nothing); complete is false (with the error) when the service could not be read, so an export "
        + "never looks complete when it is not.")
public record ServiceData(String service, boolean complete, String data, String error) {
}
