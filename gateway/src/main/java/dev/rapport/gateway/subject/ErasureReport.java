package dev.rapport.gateway.subject;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

@Description("Per service what erasure did. erased is true only when every service confirmed it (or holds nothing).")
public record ErasureReport(@Id String contactId, boolean erased, List<ServiceErasure> services) {

    @Description("ERASED (the service confirmed; erasing again answers the same), NOTHING_HELD (the service knows no such "
            + "person), NOT_SUPPORTED (the service has no erasure endpoint), FAILED (still failing after retries: ask again "
            + "later; nothing is assumed).")
    public record ServiceErasure(String service, String status, String detail) {
    }
}
