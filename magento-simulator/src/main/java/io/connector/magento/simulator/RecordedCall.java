package io.connector.magento.simulator;

import java.time.Instant;
import java.util.List;

/**
 * One API call the simulator answered: {@code login}, {@code endSession}, or a
 * {@code resource.method} from {@code call} or from one item of a {@code multiCall}.
 *
 * @param method    e.g. "customer.info", or "login"
 * @param args      its arguments as decoded (for login, only the user name: the API key stays out)
 * @param session   the session it used, or the one login opened; null when there was none
 * @param time      when it was answered
 * @param faultCode the fault it answered, or null when it succeeded
 */
public record RecordedCall(String method, List<Object> args, String session, Instant time, Integer faultCode) {

    public boolean faulted() {
        return faultCode != null;
    }
}
