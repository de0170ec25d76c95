package dev.ferry.local.cloud.http;

import java.util.Optional;

/**
 * The credential scope of a SigV4-signed request ({@code Credential=AKID/date/region/service/aws4_request}):
 * the region a client was built for, which decides which regional endpoint it reaches in AWS. The
 * signature itself is not checked: there are no real credentials.
 */
public final class CredentialScope {

    private static final String CREDENTIAL = "Credential=";
    private static final int SCOPE_PARTS = 5;

    private CredentialScope() {
    }

    /** The region the request was signed for; empty when it is unsigned or its scope is malformed. */
    public static Optional<String> regionOf(LocalRequest request) {
        return request.header("authorization")
                .filter(authorization -> authorization.contains(CREDENTIAL))
                .map(authorization -> authorization.substring(authorization.indexOf(CREDENTIAL) + CREDENTIAL.length())
                        .split("[,\\s]")[0].split("/"))
                .filter(scope -> scope.length == SCOPE_PARTS)
                .map(scope -> scope[2]);
    }
}
