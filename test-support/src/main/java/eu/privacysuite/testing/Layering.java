package eu.privacysuite.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layering STYLE.md asks of every module, checked on its built classes: no cycle between its packages, and
 * nothing but the REST layer depends on a {@code rest} package (services return domain values; resources map them).
 */
public final class Layering {

    private Layering() {
    }

    /** Fails naming each cycle and each class outside {@code rest} that uses one, in the module under {@code basePackage}. */
    public static void check(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        slices().matching(basePackage + ".(**)").should().beFreeOfCycles().check(classes);
        noClasses().that().resideInAPackage(basePackage + "..").and().resideOutsideOfPackage("..rest..")
                .should().dependOnClassesThat().resideInAPackage(basePackage + ".rest..")
                .check(classes);
    }
}
