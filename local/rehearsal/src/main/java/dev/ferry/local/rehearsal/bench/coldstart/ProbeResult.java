package dev.ferry.local.rehearsal.bench.coldstart;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one cold start measured, as the probe prints it and the bench reads it back.
 *
 * @param initMicros   the handler's constructor, in microseconds
 * @param invokeMicros its first invocation, in microseconds
 * @param outcome      {@value #OK}, or the simple name of the exception the invocation raised
 */
public record ProbeResult(long initMicros, long invokeMicros, String outcome) {

    public static final String OK = "ok";
    private static final Pattern LINE = Pattern.compile("^cold-start init=(\\d+) invoke=(\\d+) outcome=(\\S+)$",
            Pattern.MULTILINE);

    public String line() {
        return "cold-start init=" + initMicros + " invoke=" + invokeMicros + " outcome=" + outcome;
    }

    /** The result in a probe's output, if it got as far as printing one. */
    public static Optional<ProbeResult> in(String output) {
        Matcher matcher = LINE.matcher(output);
        return matcher.find()
                ? Optional.of(new ProbeResult(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
                        matcher.group(3)))
                : Optional.empty();
    }
}
