package io.connector.core.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.connector.api.monitoring.ActivityListener;

/** A listener that writes down what it heard, e.g. "b1 shop.res.partner IMPORTED 2". */
public final class HeardActivity implements ActivityListener {

    public final List<String> heard = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void jobEnded(String function, String channel, Outcome outcome, Duration took) {
        heard.add(function + " " + channel + " " + outcome);
    }

    @Override
    public void recordsSynchronized(String backendId, String model, Direction direction, int count) {
        heard.add(backendId + " " + model + " " + direction + " " + count);
    }

    /** The holder the job functions are given, with this listener registered. */
    public ActivityListeners registered() {
        ActivityListeners listeners = new ActivityListeners();
        listeners.addListener(this);
        return listeners;
    }
}
