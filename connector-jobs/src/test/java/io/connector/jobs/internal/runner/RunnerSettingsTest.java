package io.connector.jobs.internal.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunnerSettingsTest {

    @Test
    void twoKarafInstancesOnOneHostAreTwoNodesAndARestartIsTheSameNode() {
        String first = RunnerSettings.defaultNodeId("shop-host", "/opt/karaf-a/data");
        assertThat(first).matches("shop-host-[0-9a-f]{6}");
        assertThat(RunnerSettings.defaultNodeId("shop-host", "/opt/karaf-b/data")).isNotEqualTo(first);
        assertThat(RunnerSettings.defaultNodeId("shop-host", "/opt/karaf-a/./data")).as("the same folder").isEqualTo(first);
        assertThat(RunnerSettings.defaultNodeId("shop-host", null)).as("outside a Karaf").isEqualTo("shop-host");
    }
}
