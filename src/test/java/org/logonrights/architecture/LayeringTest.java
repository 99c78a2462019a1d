package org.logonrights.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of the production code, checked on its bytecode: {@code cli → app → {sources, engine,
 * report, platform} → model}; the engine pure (no I/O, no platform, no parsers); each native or network
 * library confined to the one package that wraps it; no package cycles.
 */
class LayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.logonrights");
    }

    @Test
    void layersOnlyCallDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("cli").definedBy("org.logonrights.cli..")
                .layer("app").definedBy("org.logonrights.app..")
                .layer("sources").definedBy("org.logonrights.sources..")
                .layer("engine").definedBy("org.logonrights.engine..")
                .layer("report").definedBy("org.logonrights.report..")
                .layer("platform").definedBy("org.logonrights.platform..")
                .layer("model").definedBy("org.logonrights.model..")
                .layer("json").definedBy("org.logonrights.json..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("app").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("sources").mayOnlyBeAccessedByLayers("app")
                .whereLayer("platform").mayOnlyBeAccessedByLayers("app")
                .whereLayer("report").mayOnlyBeAccessedByLayers("cli", "app")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("app", "report")
                .whereLayer("json").mayOnlyBeAccessedByLayers("sources", "report")
                .check(classes);
    }

    @Test
    void theEngineIsPure() {
        noClasses().that().resideInAPackage("org.logonrights.engine..")
                .should().dependOnClassesThat(resideInAnyPackage("java.io..", "java.nio.file..", "java.net..",
                        "com.fasterxml..", "org.slf4j..", "org.logonrights.sources..", "org.logonrights.platform..")
                        .and(not(type(URI.class))))
                .because("the engine decides on a snapshot it is given: it reads, prints and logs nothing")
                .check(classes);
        noClasses().that().resideInAPackage("org.logonrights.engine..")
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "getenv", String.class)
                .because("the same snapshot always gives the same result")
                .check(classes);
    }

    @Test
    void theModelDependsOnNothingButTheJdk() {
        noClasses().that().resideInAPackage("org.logonrights.model..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.logonrights.model..", "java..")
                .check(classes);
    }

    @Test
    void eachLibraryStaysInTheLayerThatWrapsIt() {
        noClasses().that().resideOutsideOfPackages("org.logonrights.json..", "org.logonrights.sources..",
                        "org.logonrights.report..")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml..")
                .because("JSON is read by the parsers and written by the renderers, through one mapping").check(classes);
        noClasses().that().resideOutsideOfPackage("org.logonrights.platform.windows..")
                .should().dependOnClassesThat().resideInAPackage("com.sun.jna..")
                .because("JNA loads native code that exists only on Windows").check(classes);
        noClasses().that().resideOutsideOfPackage("org.logonrights.platform.remote..")
                .should().dependOnClassesThat().resideInAnyPackage("com.hierynomus..", "com.rapid7..", "org.bouncycastle..")
                .because("SMB and DCE/RPC are the remote reader's concern").check(classes);
        noClasses().that().resideOutsideOfPackage("org.logonrights.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .because("the command line is one front end of the use-case API").check(classes);
        noClasses().that().resideInAPackage("org.logonrights.platform.windows..")
                .should().dependOnClassesThat().resideInAPackage("org.logonrights.platform.remote..").check(classes);
        noClasses().that().resideInAPackage("org.logonrights.platform.remote..")
                .should().dependOnClassesThat().resideInAPackage("org.logonrights.platform.windows..").check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.logonrights.(**)").should().beFreeOfCycles().check(classes);
    }
}
