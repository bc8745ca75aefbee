package dev.atrium;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Each module reaches another only through its public face; the build fails when one does not. */
class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(AtriumApplication.class);

    @Test
    void modules_only_use_each_others_public_api() {
        modules.verify();
    }

    @Test
    void the_module_map_is_written_for_the_docs() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
