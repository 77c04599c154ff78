package eu.privacysuite.retention;

import org.junit.jupiter.api.Test;

import eu.privacysuite.testing.Layering;

class LayeringTest {

    @Test
    void packagesFormNoCycleAndOnlyTheRestLayerUsesRest() {
        Layering.check("eu.privacysuite.retention");
    }
}
