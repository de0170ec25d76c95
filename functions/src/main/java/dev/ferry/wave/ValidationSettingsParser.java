package dev.ferry.wave;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.wave.ValidationSettings.Address;
import dev.ferry.wave.ValidationSettings.HttpCheck;
import dev.ferry.wave.ValidationSettings.TcpCheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.ferry.wave.ObjectFields.quote;

/** Reads the {@code validation} object of a wave definition: what a launched instance must show. */
final class ValidationSettingsParser {

    static final List<String> FIELDS = List.of("statusChecks", "tcp", "http", "timeLimitMinutes");
    static final List<String> TCP_FIELDS = List.of("port", "address");
    static final List<String> HTTP_FIELDS = List.of("url", "expectStatus", "address", "serverName");

    static final boolean DEFAULT_STATUS_CHECKS = true;
    static final int DEFAULT_TIME_LIMIT_MINUTES = 15;
    static final int DEFAULT_EXPECT_STATUS = 200;
    static final Address DEFAULT_ADDRESS = Address.PUBLIC;

    /** The placeholder a URL uses as its host; the prober puts the instance's address there. */
    static final String ADDRESS_PLACEHOLDER = "{address}";

    private static final Pattern URL =
            Pattern.compile("^(?<scheme>[A-Za-z][A-Za-z0-9+.-]*)://(?<host>[^/:?#]*)(:(?<port>[^/?#]*))?([/?#].*)?$");
    private static final List<String> ADDRESSES = Arrays.stream(Address.values()).map(Enum::name).toList();

    private ValidationSettingsParser() {
    }

    /** The validation settings in {@code parent.field}; EC2 status checks only, within 15 minutes, when absent. */
    static ValidationSettings parse(ObjectFields parent, String field) {
        ObjectFields validation = parent.object(field, FIELDS);
        if (validation == null) {
            return new ValidationSettings(DEFAULT_STATUS_CHECKS, List.of(), List.of(), DEFAULT_TIME_LIMIT_MINUTES);
        }
        Boolean statusChecks = validation.bool("statusChecks");
        List<TcpCheck> tcp = tcpChecks(validation);
        List<HttpCheck> http = httpChecks(validation);
        Long timeLimit = validation.wholeNumberWithin("timeLimitMinutes", 1, 120, " minutes");
        return new ValidationSettings(statusChecks != null ? statusChecks : DEFAULT_STATUS_CHECKS, tcp, http,
                timeLimit != null ? timeLimit.intValue() : DEFAULT_TIME_LIMIT_MINUTES);
    }

    private static List<TcpCheck> tcpChecks(ObjectFields validation) {
        List<TcpCheck> checks = new ArrayList<>();
        List<JsonNode> elements = validation.array("tcp");
        if (elements == null) {
            return checks;
        }
        for (int i = 0; i < elements.size(); i++) {
            ObjectFields check = ObjectFields.of(elements.get(i), validation.pathOf("tcp") + "[" + i + "]",
                    validation.problems(), TCP_FIELDS);
            if (check == null) {
                continue;
            }
            if (!check.has("port")) {
                check.problems().add(check.pathOf("port"), "is required");
            }
            Long port = check.wholeNumberWithin("port", 1, 65_535, "");
            Address address = address(check);
            if (port != null) {
                checks.add(new TcpCheck(port.intValue(), address));
            }
        }
        return checks;
    }

    private static List<HttpCheck> httpChecks(ObjectFields validation) {
        List<HttpCheck> checks = new ArrayList<>();
        List<JsonNode> elements = validation.array("http");
        if (elements == null) {
            return checks;
        }
        for (int i = 0; i < elements.size(); i++) {
            ObjectFields check = ObjectFields.of(elements.get(i), validation.pathOf("http") + "[" + i + "]",
                    validation.problems(), HTTP_FIELDS);
            if (check == null) {
                continue;
            }
            String url = check.requiredText("url");
            if (url != null) {
                url(url, check.pathOf("url"), check.problems());
            }
            Long expectStatus = check.wholeNumberWithin("expectStatus", 100, 599, "");
            Address address = address(check);
            String serverName = serverName(check, url);
            if (url != null) {
                checks.add(new HttpCheck(url, expectStatus != null ? expectStatus.intValue() : DEFAULT_EXPECT_STATUS,
                        address, serverName));
            }
        }
        return checks;
    }

    /**
     * The name an https:// check verifies the instance's certificate against. An ordinary
     * certificate names the service, not the instance's IP address, so an https:// check needs it;
     * an http:// check has no certificate to verify.
     */
    private static String serverName(ObjectFields check, String url) {
        String serverName = check.text("serverName");
        boolean https = url != null && HttpCheck.isHttps(url);
        if (serverName == null) {
            if (https && !check.has("serverName")) {
                check.problems().add(check.pathOf("serverName"), "is required for an https:// check: the name the "
                        + "instance's certificate is issued for, such as media.example.com (Ferry connects to the "
                        + "instance's address and verifies the certificate against this name)");
            }
            return null;
        }
        if (url != null && !https) {
            check.problems().add(check.pathOf("serverName"), "is for https:// checks only: an http:// check has no "
                    + "certificate to verify");
            return null;
        }
        AwsNames.dnsName(serverName, check.pathOf("serverName"), check.problems());
        return serverName;
    }

    private static Address address(ObjectFields check) {
        String address = check.oneOf("address", ADDRESSES);
        return address != null ? Address.valueOf(address) : DEFAULT_ADDRESS;
    }

    /** An HTTP check's URL must be http or https and name the launched instance through the placeholder host. */
    private static void url(String url, String path, Problems problems) {
        Matcher parts = URL.matcher(url);
        if (!parts.matches()) {
            problems.add(path, quote(url) + " is not a URL such as http://" + ADDRESS_PLACEHOLDER + "/health");
            return;
        }
        String scheme = parts.group("scheme");
        if (!scheme.equals("http") && !scheme.equals("https")) {
            problems.add(path, quote(url) + " must start with http:// or https://");
        }
        if (!ADDRESS_PLACEHOLDER.equals(parts.group("host"))) {
            problems.add(path, quote(url) + " must have the literal host " + ADDRESS_PLACEHOLDER
                    + " (Ferry puts the launched instance's address there), such as http://"
                    + ADDRESS_PLACEHOLDER + "/health");
        }
        String port = parts.group("port");
        if (port != null && !validPort(port)) {
            problems.add(path, quote(url) + " has a port that is not a number from 1 to 65535");
        }
    }

    private static boolean validPort(String port) {
        if (!port.matches("\\d{1,5}")) {
            return false;
        }
        int number = Integer.parseInt(port);
        return number >= 1 && number <= 65_535;
    }
}
