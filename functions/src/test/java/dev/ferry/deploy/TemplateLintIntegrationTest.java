package dev.ferry.deploy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** cfn-lint, with the SAM translator, finds no error in the template. */
class TemplateLintIntegrationTest {

    @Test
    void cfnLintReportsNoErrorOrWarning() throws Exception {
        ExternalTool cfnLint = ExternalTool.require("cfn-lint", null);

        ExternalTool.Result result = cfnLint.run("template.yaml");

        assertThat(result.output()).as("cfn-lint output").isEmpty();
        assertThat(result.exitCode()).isZero();
    }
}
