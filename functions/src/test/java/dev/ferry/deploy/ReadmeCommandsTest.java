package dev.ferry.deploy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command the README shows is run by CI ({@code .ci/run}), or needs an AWS account and is
 * named here as such: a command added to the README fails this test until CI runs it.
 */
class ReadmeCommandsTest {

    private static final Pattern BASH_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);
    /** The walk-through of {@code bin/ferry serve}, which CI reads from the README and runs whole. */
    private static final String SERVE_ENDPOINT = "--endpoint-url http://127.0.0.1:4599";
    /** Deploying, starting a wave in the deployed stack, deleting it: nothing here can reach AWS. */
    private static final Set<String> NEEDS_AN_ACCOUNT = Set.of(
            "sam build",
            "sam deploy --guided --stack-name ferry --region eu-central-1",
            "sam delete --stack-name ferry --region eu-central-1");
    private static final String STARTS_A_DEPLOYED_WAVE = "aws stepfunctions start-execution --region eu-central-1";

    private final String readme = ProjectFiles.read(ProjectFiles.path("README.md"));
    private final String ci = ProjectFiles.read(ProjectFiles.path(".ci/run"));

    @Test
    void everyCommandOfTheReadmeIsRunByCiOrNeedsAnAwsAccount() {
        List<String> blocks = bashBlocks();
        assertThat(blocks).as("the README's command blocks").hasSizeGreaterThan(5);
        for (String block : blocks) {
            boolean serveWalkThrough = block.contains(SERVE_ENDPOINT);
            for (String command : commandsOf(block)) {
                if (serveWalkThrough) {
                    assertThat(ci).as("CI runs the serve walk-through read from the README")
                            .contains("if \"" + SERVE_ENDPOINT + "\" in block");
                } else if (command.startsWith("bin/ferry")) {
                    assertThat(ci).as("CI runs `%s`", command).containsPattern(
                            "(?m)^(expect_exit \\d+ )?" + Pattern.quote(command) + "( [>&|].*)?$");
                } else {
                    assertThat(NEEDS_AN_ACCOUNT.contains(command) || command.startsWith(STARTS_A_DEPLOYED_WAVE))
                            .as("`%s` is neither run by CI nor one that needs an AWS account", command).isTrue();
                }
            }
        }
    }

    private List<String> bashBlocks() {
        List<String> blocks = new ArrayList<>();
        Matcher block = BASH_BLOCK.matcher(readme);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }

    /** The block's commands: continuation lines joined, comments and blank lines dropped. */
    private static List<String> commandsOf(String block) {
        List<String> commands = new ArrayList<>();
        for (String command : block.replace("\\\n", " ").split("\n")) {
            String withoutComment = command.replaceFirst("\\s+#.*$", "").replaceAll("\\s+", " ").trim();
            if (!withoutComment.isEmpty()) {
                commands.add(withoutComment);
            }
        }
        return commands;
    }
}
