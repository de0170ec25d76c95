package dev.ferry.local.rehearsal.bench.coldstart;

import dev.ferry.local.cloud.lambda.FunctionDefinition;
import dev.ferry.local.rehearsal.ApprovalMode;
import dev.ferry.local.rehearsal.Rehearsal;
import dev.ferry.local.rehearsal.RehearsalOptions;
import dev.ferry.local.rehearsal.template.ProjectTemplate;
import dev.ferry.testing.ProjectFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration test: the functions' deployment packages as the build leaves them
 * (functions/packages/&lt;Function&gt;/target/lambda), each one what its handler uses and enough for it.
 * The demo wave is rehearsed, then every function it invoked (and the approval page) is built and
 * invoked once in a fresh JVM whose class path is its own package alone, against the cloud the wave left.
 */
class FunctionPackagesIntegrationTest {

    /** The functions that call EC2: its client alone is 23 MB. */
    private static final Set<String> CALL_EC2 = Set.of("InstallAgentsFunction", "PrepareLaunchFunction",
            "PrepareNetworkFunction", "ValidateFunction");

    @TempDir
    static Path folder;

    private static ColdStartBench.Measurements measured;

    @BeforeAll
    static void rehearseTheDemoAndStartEveryFunctionFromItsPackage() {
        AtomicReference<ColdStartBench.Measurements> result = new AtomicReference<>();
        ColdStartBench bench = new ColdStartBench(ProjectFolder.root(), folder.resolve("probes"), 1);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        Rehearsal.run(RehearsalOptions.builder(ProjectFolder.root())
                .approval(ApprovalMode.AUTO)
                .runFolder(folder.resolve("rehearsal"))
                .display(quiet)
                .start(Instant.parse("2026-03-02T10:00:00Z"))
                .beforeClose(cloud -> result.set(bench.measure(cloud, quiet)))
                .build());
        measured = result.get();
    }

    static Stream<String> functions() {
        return templateFunctions().stream();
    }

    @Test
    void everyFunctionTheWaveInvokedAndTheApprovalPageRanFromItsOwnPackage() {
        assertThat(measured.everyProbeReported()).isTrue();
        assertThat(measured.functions()).allSatisfy(row -> assertThat(row.outcomes())
                .as("%s, run from %s alone", row.function(), row.pack().folder()).containsExactly(ProbeResult.OK));
        List<String> started = measured.functions().stream().map(ColdStartRow::function).toList();
        assertThat(started).contains("ApprovalApiFunction", "ReconcilerFunction", "PreflightFunction");
        // The demo wave is approved: only the not-approved path is not started.
        assertThat(measured.notMeasured()).containsExactly("NotApprovedFunction");
        assertThat(started.size() + measured.notMeasured().size()).isEqualTo(templateFunctions().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void aFunctionCarriesTheEc2ClientOnlyWhenItCallsEc2(String function) {
        List<String> jars = packageOf(function).jars();

        if (CALL_EC2.contains(function)) {
            assertThat(jars).anyMatch(jar -> jar.startsWith("ec2-"));
        } else {
            assertThat(jars).noneMatch(jar -> jar.startsWith("ec2-"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void everyPackageHoldsTheControllerOnceAndOneHttpClient(String function) {
        List<String> jars = packageOf(function).jars();

        assertThat(jars).filteredOn(jar -> jar.startsWith("ferry-functions-")).hasSize(1);
        assertThat(jars).anyMatch(jar -> jar.startsWith("url-connection-client-"))
                .noneMatch(jar -> jar.startsWith("apache-client-") || jar.startsWith("netty-nio-client-"));
    }

    @Test
    void theApprovalPageAndTheReconcilerCarryOnlyTheClientsTheyCall() {
        assertThat(serviceClients("ApprovalApiFunction")).containsExactlyInAnyOrder("dynamodb", "sfn");
        assertThat(serviceClients("ReconcilerFunction")).containsExactlyInAnyOrder("dynamodb", "mgn", "sfn", "sns");
        assertThat(packageOf("ReportFunction").jars()).anyMatch(jar -> jar.startsWith("jackson-dataformat-csv-"));
        assertThat(packageOf("ReconcilerFunction").jars()).noneMatch(jar -> jar.startsWith("jackson-dataformat-csv-"));
    }

    /** The SDK service clients in a package: the jars named for an AWS service, without their version. */
    private static List<String> serviceClients(String function) {
        Set<String> services = Set.of("dynamodb", "ec2", "iam", "mgn", "route53", "s3", "servicequotas", "sfn", "sns",
                "ssm");
        return packageOf(function).jars().stream().map(jar -> jar.replaceFirst("-\\d[\\d.]*\\.jar$", ""))
                .filter(services::contains).toList();
    }

    private static FunctionPackage packageOf(String function) {
        return FunctionPackage.of(FunctionPackage.folderOf(ProjectFolder.root(), function));
    }

    private static List<String> templateFunctions() {
        return ProjectTemplate.load(ProjectFolder.root()).functionList().stream().map(FunctionDefinition::logicalId)
                .toList();
    }
}
