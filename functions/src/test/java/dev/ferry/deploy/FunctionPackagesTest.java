package dev.ferry.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How template.yaml, functions/Makefile and functions/packages agree that every function is built
 * into a package of its own. What the packages hold, and that each is enough for its handler, is
 * checked on the built packages by the local rehearsal's FunctionPackagesIntegrationTest.
 */
class FunctionPackagesTest {

    private static final Path PACKAGES = ProjectFiles.path("functions/packages");

    static Stream<String> functions() {
        return ProjectFiles.templateFunctions().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void samBuildBuildsTheFunctionWithTheMakefile(String function) {
        assertThat(ProjectFiles.template().path("Resources").path(function).path("Metadata").path("BuildMethod")
                .asText()).isEqualTo("makefile");
    }

    @Test
    void everyFunctionOfTheTemplateHasAPackageModuleNamedAfterIt() throws Exception {
        assertThat(elements(document(PACKAGES.resolve("pom.xml")), "module"))
                .containsExactlyInAnyOrderElementsOf(functions().toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void aPackageHoldsTheControllersCodeAndIsAPomThatOnlyGathersJars(String function) throws Exception {
        Path pom = PACKAGES.resolve(function).resolve("pom.xml");
        assertThat(pom).exists();
        Document document = document(pom);

        assertThat(elements(document, "packaging")).containsExactly("pom");
        assertThat(elements(document, "artifactId")).contains("ferry-functions");
        assertThat(Files.exists(PACKAGES.resolve(function).resolve("src"))).as("%s has no code of its own", function)
                .isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void makeBuildsTheFunctionFromItsModuleIntoTheFolderSamBuildGives(String function) throws Exception {
        // What `sam build` runs for the function, without running it (-n): make prints the commands.
        String makeCommand = ExternalTool.require("make", null).executable().toString();
        Process make = new ProcessBuilder(makeCommand, "-n", "build-" + function, "ARTIFACTS_DIR=/tmp/sam-artifacts",
                "MVN=mvn").directory(ProjectFiles.path("functions").toFile()).redirectErrorStream(true).start();
        String commands = new String(make.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(make.waitFor()).as(commands).isZero();
        assertThat(commands.lines()).containsSubsequence(
                "mvn -q -B -Dmaven.test.skip=true install",
                "mvn -q -B -Dmaven.test.skip=true -f packages/pom.xml -pl " + function + " -am clean package",
                "cp -R packages/" + function + "/target/lambda/. \"/tmp/sam-artifacts\"");
    }

    private static Document document(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static List<String> elements(Document document, String name) {
        NodeList nodes = document.getElementsByTagName(name);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(((Element) nodes.item(i)).getTextContent().trim());
        }
        return texts;
    }
}
