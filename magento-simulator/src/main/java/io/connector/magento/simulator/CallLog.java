package io.connector.magento.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * The API calls the simulator answered, oldest first, when {@link MagentoSimulator.Builder#recordCalls}
 * is on: what {@link MagentoSimulator#calls()} and {@code GET /calls} read. Off, nothing is kept,
 * so that a load run of millions of calls does not fill the heap.
 */
final class CallLog {

    private final boolean recording;
    private final List<RecordedCall> calls = new ArrayList<>();

    CallLog(boolean recording) {
        this.recording = recording;
    }

    boolean recording() {
        return recording;
    }

    void record(RecordedCall call) {
        if (recording) {
            synchronized (calls) {
                calls.add(call);
            }
        }
    }

    List<RecordedCall> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** Forgets the calls so far; answers how many there were. */
    int clear() {
        synchronized (calls) {
            int count = calls.size();
            calls.clear();
            return count;
        }
    }
}
