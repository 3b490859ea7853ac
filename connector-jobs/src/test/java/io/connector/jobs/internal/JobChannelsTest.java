package io.connector.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The channels of a node: the shorthand, and channels configured one by one that replace its own. */
class JobChannelsTest {

    static ConfiguredChannel configured(String name, int capacity, boolean sequential, long throttle) {
        return new ConfiguredChannel(new ChannelConfiguration() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int capacity() {
                return capacity;
            }

            @Override
            public boolean sequential() {
                return sequential;
            }

            @Override
            public long throttle_seconds() {
                return throttle;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return ChannelConfiguration.class;
            }
        });
    }

    @Test
    void aConfiguredChannelReplacesTheShorthandsAndItsRemovalBringsItBack() {
        JobChannels channels = new JobChannels("root:8,root.magento:8");
        ConfiguredChannel magento = configured("magento", 2, false, 0);
        ConfiguredChannel sale = configured("root.magento.sale", 1, true, 5);
        channels.addChannel(magento);
        channels.addChannel(sale);
        ChannelTree tree = channels.current();
        assertThat(tree.resolve("root.magento").capacity()).isEqualTo(2);
        assertThat(tree.resolve("root.magento.sale").sequential()).isTrue();
        assertThat(tree.resolve("root.magento.sale").throttle()).isEqualTo(Duration.ofSeconds(5));
        assertThat(tree.resolve("root.magento.sale").parent()).isEqualTo("root.magento");
        assertThat(tree.resolve("root").capacity()).isEqualTo(8);

        channels.removeChannel(magento);
        channels.removeChannel(sale);
        assertThat(channels.current().resolve("root.magento").capacity()).isEqualTo(8);
        assertThat(channels.current().isKnown("root.magento.sale")).isFalse();
    }

    @Test
    void aConfigurationThatMakesNoChannelSaysWhy() {
        assertThatThrownBy(() -> configured("sale", 2, true, 0))
                .hasMessage("Channel root.sale is sequential: its capacity must be 1, not 2");
        assertThatThrownBy(() -> configured("root.mail", 0, false, 0)).hasMessage("Channel root.mail needs a capacity of at least 1");
        assertThatThrownBy(() -> configured("bad name", 1, false, 0)).hasMessageStartingWith("Invalid channel name 'bad name'");
        assertThatThrownBy(() -> configured("slow", 1, false, -1)).hasMessageContaining("the throttle is 0 or more seconds");
    }
}
