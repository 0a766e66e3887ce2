package org.ledgerbridge;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feature packages talk through each other's public services only, never through internals, and
 * each uses only the packages its package-info.java declares (@ApplicationModule allowedDependencies).
 */
class ModuleBoundariesTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(LedgerBridgeApplication.class);
    private static final Path DOCS = Path.of("docs/modules");

    @Test
    void no_package_reaches_past_its_declared_dependencies_or_into_another_packages_internals_and_there_are_no_cycles() {
        MODULES.verify();
    }

    @Test
    void every_package_declares_the_packages_it_may_use() {
        assertThat(MODULES.stream()).isNotEmpty().allSatisfy(module -> assertThat(module.getBasePackage().getAnnotation(ApplicationModule.class))
                .as(module.getBasePackage().getName() + " has a package-info.java with @ApplicationModule(allowedDependencies = ...)")
                .isPresent());
    }

    /** A class a reader takes in at once: past 300 lines, it holds more than one idea and is split. */
    @Test
    void no_class_of_the_product_is_longer_than_300_lines() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            Map<String, Long> longer = new TreeMap<>();
            for (Path source : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                long lines;
                try (Stream<String> text = Files.lines(source)) {
                    lines = text.count();
                }
                if (lines > 300) {
                    longer.put(source.toString(), lines);
                }
            }
            assertThat(longer).as("classes over 300 lines").isEmpty();
        }
    }

    /** docs/modules is written from the same model this test checks; a change of the modules shows in the diff. */
    @Test
    void the_module_documentation_is_the_one_generated_from_the_code() throws IOException {
        Path generated = Path.of("target/modules-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        Map<String, String> now = files(generated);
        if (Boolean.getBoolean("modules.write")) {
            org.springframework.util.FileSystemUtils.deleteRecursively(DOCS);
            Files.createDirectories(DOCS);
            for (Map.Entry<String, String> file : now.entrySet()) {
                Files.writeString(DOCS.resolve(file.getKey()), file.getValue());
            }
        }
        assertThat(linesOf(files(DOCS))).as("docs/modules is out of date: run this test with -Dmodules.write=true and commit it")
                .isEqualTo(linesOf(now));
    }

    /** Each file's lines in order: the Documenter lists a diagram's relations in no fixed order. */
    private static Map<String, List<String>> linesOf(Map<String, String> files) {
        Map<String, List<String>> lines = new TreeMap<>();
        files.forEach((name, text) -> lines.put(name, text.lines().sorted().toList()));
        return lines;
    }

    private static Map<String, String> files(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files; // compared with what was generated: a missing folder fails, it is not written unasked
        }
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : list.filter(Files::isRegularFile).toList()) {
                files.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return files;
    }
}
