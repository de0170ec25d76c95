package dev.ferry.local.cloud.http;

import java.util.Optional;

/**
 * The credential scope of a SigV4-signed request, {@code Credential=AKID/<date>/<region>/<service>/aws4_request}
 * in its {@code Authorization} header: which region and service the client meant. Endpoints of AWS are regional,
 * so a client of another region reaches another service there; on the local cloud's single port the scope is what
 * tells the regions apart. The signature itself is not checked: there are no real credentials.
 *
 * @param region  the signing region, e.g. {@code us-east-1}
 * @param service the signing service, e.g. {@code ec2}
 */
public record CredentialScope(String region, String service) {

    private static final String CREDENTIAL = "Credential=";

    /** The scope of a signed request; empty when the request is not signed or its scope is not well formed. */
    public static Optional<CredentialScope> of(LocalRequest request) {
        String authorization = request.header("Authorization").orElse("");
        int start = authorization.indexOf(CREDENTIAL);
        if (start < 0) {
            return Optional.empty();
        }
        String credential = authorization.substring(start + CREDENTIAL.length()).split("[,\\s]")[0];
        String[] parts = credential.split("/");
        if (parts.length != 5 || parts[2].isBlank() || parts[3].isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new CredentialScope(parts[2], parts[3]));
    }
}
