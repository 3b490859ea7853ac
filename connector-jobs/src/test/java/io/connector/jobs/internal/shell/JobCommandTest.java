package io.connector.jobs.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobCommandTest {

    @Test
    void anIdentityKeyThatHoldsUntilTheClaimSaysSo() {
        assertThat(JobCommand.identityKey("export product 7", true)).isEqualTo("export product 7 (until claimed)");
        assertThat(JobCommand.identityKey("import order 9", false)).isEqualTo("import order 9");
        assertThat(JobCommand.identityKey(null, false)).isNull();
    }
}
