package io.connector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class RemoteDatesTest {

    @Test
    void naiveDatesAreUtcAndOffsetsAreConverted() {
        assertThat(RemoteDates.utc("2017-06-27 15:36:55")).isEqualTo(LocalDateTime.of(2017, 6, 27, 15, 36, 55));
        assertThat(RemoteDates.utc("2013-04-24T17:09:09+02:00")).isEqualTo(LocalDateTime.of(2013, 4, 24, 15, 9, 9));
        assertThat(RemoteDates.utc("2013-04-24T17:09:09-0100")).isEqualTo(LocalDateTime.of(2013, 4, 24, 18, 9, 9));
        assertThat(RemoteDates.utc("2013-04-24T17:09:09Z")).isEqualTo(LocalDateTime.of(2013, 4, 24, 17, 9, 9));
        assertThat(RemoteDates.utc("1980-02-03")).isEqualTo(LocalDateTime.of(1980, 2, 3, 0, 0));
    }

    @Test
    void noneIsNullAndGarbageIsQuoted() {
        assertThat(RemoteDates.utc(null)).isNull();
        assertThat(RemoteDates.utc("")).isNull();
        assertThat(RemoteDates.utc("0000-00-00 00:00:00")).isNull();
        assertThatThrownBy(() -> RemoteDates.utc("yesterday")).hasMessage("Unparsable date 'yesterday'");
        assertThatThrownBy(() -> RemoteDates.utc("2017-13-45 10:00:00")).hasMessageContaining("2017-13-45 10:00:00");
    }
}
