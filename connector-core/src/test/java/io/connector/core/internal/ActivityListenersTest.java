package io.connector.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.connector.api.monitoring.ActivityListener;
import io.connector.api.monitoring.ActivityListener.Direction;
import org.junit.jupiter.api.Test;

class ActivityListenersTest {

    @Test
    void everyListenerHearsEvenAfterOneThrew() {
        HeardActivity first = new HeardActivity();
        HeardActivity last = new HeardActivity();
        ActivityListeners listeners = first.registered();
        listeners.addListener(new ActivityListener() {
            @Override
            public void recordsSynchronized(String backendId, String model, Direction direction, int count) {
                throw new IllegalStateException("a broken listener");
            }
        });
        listeners.addListener(last);

        listeners.recordsSynchronized("b1", "shop.res.partner", Direction.IMPORTED, 3);

        assertThat(first.heard).containsExactly("b1 shop.res.partner IMPORTED 3");
        assertThat(last.heard).containsExactly("b1 shop.res.partner IMPORTED 3");
    }

    @Test
    void nothingSynchronizedIsNotToldAndARemovedListenerHearsNothing() {
        HeardActivity heard = new HeardActivity();
        ActivityListeners listeners = heard.registered();
        listeners.recordsSynchronized("b1", "shop.res.partner", Direction.EXPORTED, 0);
        listeners.removeListener(heard);
        listeners.recordsSynchronized("b1", "shop.res.partner", Direction.EXPORTED, 1);
        assertThat(heard.heard).isEmpty();
    }
}
