package dev.ferry.local.rehearsal;

import dev.ferry.local.cloud.sns.OutboxMessage;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the approval link in an email, as a person reading it would. */
final class ApprovalLinks {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/approvals/[^\\s\"'<>]+");

    private ApprovalLinks() {
    }

    /** The approval link in the message, if it is an approval request. */
    static Optional<String> in(OutboxMessage message) {
        Matcher matcher = LINK.matcher(message.message());
        return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
    }
}
