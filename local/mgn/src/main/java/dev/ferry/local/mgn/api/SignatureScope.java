package dev.ferry.local.mgn.api;

import dev.ferry.local.mgn.model.MgnApiException;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the credential scope of a SigV4-signed request. A client configured for the wrong region (the source
 * region, say) reaches another MGN endpoint in AWS; here it must fail the same way instead of silently working.
 * The signature itself is not verified: there are no real credentials.
 */
final class SignatureScope {

    private static final String CREDENTIAL = "Credential=";

    private final String region;

    SignatureScope(String region) {
        this.region = region;
    }

    /**
     * Refuses a signed request scoped to another region or service. Unsigned requests pass, so that in-process
     * callers (such as a local Step Functions SDK integration) can use the handler directly.
     */
    void check(Map<String, List<String>> headers) {
        Optional<String> authorization = header(headers, "Authorization");
        if (authorization.isEmpty() || !authorization.get().contains(CREDENTIAL)) {
            return;
        }
        String credential = authorization.get().substring(authorization.get().indexOf(CREDENTIAL)
                + CREDENTIAL.length()).split("[,\\s]")[0];
        String[] scope = credential.split("/");
        if (scope.length != 5) {
            throw MgnApiException.invalidSignature("Malformed credential scope: " + credential);
        }
        if (!scope[2].equals(region)) {
            throw MgnApiException.invalidSignature("Credential should be scoped to a valid region. Expected "
                    + region + ", got " + scope[2] + ".");
        }
        if (!scope[3].equals("mgn")) {
            throw MgnApiException.invalidSignature("Credential should be scoped to correct service: 'mgn'.");
        }
    }

    /** The first value of a header, matched case-insensitively as HTTP requires. */
    static Optional<String> header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey() != null && entry.getKey().equalsIgnoreCase(name))
                .flatMap(entry -> entry.getValue().stream())
                .findFirst();
    }
}
