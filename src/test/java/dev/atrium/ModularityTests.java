package dev.atrium;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.stereotype.Repository;

/**
 * Each module reaches another only through its public face, and the business modules never reach the platform; the
 * build fails when one does.
 */
class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(AtriumApplication.class);

    /** The open kernel every module may use: problems, paging, the clock, the current user and a few contracts. */
    static final String KERNEL = "shared";

    /** What Atrium does: the modules a product feature lives in. */
    static final Set<String> BUSINESS =
            Set.of("account", "organization", "catalog", "ordering", "ar", "goods", "admin");

    /** Capabilities business modules call through their public face, like any other module. */
    static final Set<String> CAPABILITIES = Set.of("image", "ratelimit");

    /**
     * How Atrium runs: closed modules that no business module (nor the kernel) depends on; they plug in through the
     * kernel's contracts instead.
     */
    static final Set<String> PLATFORM = Set.of("security", "web", "embedded", "storage", "demo");

    @Test
    void modules_only_use_each_others_public_api() {
        modules.verify();
    }

    @Test
    void every_module_is_the_kernel_a_business_module_a_capability_or_platform() {
        Set<String> named = Stream.of(Set.of(KERNEL), BUSINESS, CAPABILITIES, PLATFORM)
                .flatMap(Set::stream)
                .collect(Collectors.toSet());
        assertThat(modules.stream().map(ModularityTests::name)).containsExactlyInAnyOrderElementsOf(named);
    }

    @Test
    void business_modules_and_the_kernel_do_not_depend_on_platform_modules() {
        List<String> uses = modules.stream()
                .filter(module -> BUSINESS.contains(name(module)) || KERNEL.equals(name(module)))
                .flatMap(module -> module.getDirectDependencies(modules).stream()
                        .filter(dependency -> PLATFORM.contains(name(dependency.getTargetModule())))
                        .map(dependency -> dependency.getSourceType().getName() + " -> "
                                + dependency.getTargetType().getName()))
                .distinct()
                .toList();
        assertThat(uses).as("dependencies on platform modules").isEmpty();
    }

    @Test
    void platform_modules_are_closed() {
        assertThat(modules.stream().filter(module -> PLATFORM.contains(name(module))))
                .as("platform modules")
                .noneMatch(ApplicationModule::isOpen);
        assertThat(modules.getModuleByName(KERNEL))
                .hasValueSatisfying(kernel -> assertThat(kernel.isOpen()).isTrue());
    }

    static final JavaClasses production = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.atrium");

    /**
     * A repository is its package's own: controllers, facades and other packages go through the services beside it,
     * so the rules a service enforces cannot be stepped around.
     */
    @Test
    void repositories_are_package_private() {
        classes()
                .that()
                .areAnnotatedWith(Repository.class)
                .or()
                .areAssignableTo(org.springframework.data.repository.Repository.class)
                .should()
                .notBePublic()
                .check(production);
    }

    /** Controllers map requests to services; the SQL behind a service is none of their business. */
    @Test
    void web_layers_do_not_reach_for_sql() {
        noClasses()
                .that()
                .resideInAPackage("dev.atrium.*.web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.jdbc..", "org.springframework.data.jdbc..")
                .check(production);
    }

    @Test
    void the_module_map_is_written_for_the_docs() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }

    private static String name(ApplicationModule module) {
        return module.getIdentifier().toString();
    }
}
