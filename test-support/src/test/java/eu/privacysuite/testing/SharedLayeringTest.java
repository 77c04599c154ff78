package eu.privacysuite.testing;

import org.junit.jupiter.api.Test;

/** The shared module follows the same layering as the services (test-support is the first module that sees it). */
class SharedLayeringTest {

    @Test
    void sharedPackagesFormNoCycleAndOnlyTheRestLayerUsesRest() {
        Layering.check("eu.privacysuite.shared");
    }
}
