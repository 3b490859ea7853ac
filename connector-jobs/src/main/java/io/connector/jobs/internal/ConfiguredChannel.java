package io.connector.jobs.internal;

import io.connector.jobs.internal.ChannelTree.Channel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * A channel configured on its own, one per factory configuration; {@link JobChannels} merges
 * them with the shorthand. A configuration that does not make a channel fails to activate, with
 * the reason in the log.
 */
@Component(service = ConfiguredChannel.class, configurationPid = ChannelConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ChannelConfiguration.class, factory = true)
public final class ConfiguredChannel {

    private final Channel channel;

    @Activate
    public ConfiguredChannel(ChannelConfiguration config) {
        this.channel = ChannelTree.channel(config.name(), config.capacity(), config.sequential(), config.throttle_seconds());
    }

    public Channel channel() {
        return channel;
    }
}
