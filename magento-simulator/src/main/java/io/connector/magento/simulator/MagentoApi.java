package io.connector.magento.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.connector.magento.v17.xmlrpc.XmlRpcCodec;
import io.connector.magento.v17.xmlrpc.XmlRpcException;

/**
 * Magento's API server as its XML-RPC adapter exposes it: {@code login}, {@code call},
 * {@code multiCall} and {@code endSession}, from a request body to a response body. Faults are
 * answers here, never exceptions; HTTP is {@link XmlRpcEndpoint}'s business.
 */
final class MagentoApi {

    /** What Zend's XML-RPC server answers to a body it cannot read, or a method it does not have. */
    static final int UNPARSABLE_REQUEST = 631;
    static final int NO_SUCH_METHOD = 620;

    private final String user;
    private final String apiKey;
    private final Sessions sessions;
    private final ApiMethods methods;
    private final Consumer<RecordedCall> recorder;
    private final CallStats stats;

    MagentoApi(String user, String apiKey, Sessions sessions, ApiMethods methods, Consumer<RecordedCall> recorder, CallStats stats) {
        this.user = user;
        this.apiKey = apiKey;
        this.sessions = sessions;
        this.methods = methods;
        this.recorder = recorder;
        this.stats = stats;
    }

    byte[] answer(byte[] requestBody) {
        XmlRpcCodec.Call call;
        try {
            call = XmlRpcCodec.decodeCall(requestBody);
        } catch (XmlRpcException e) {
            return XmlRpcCodec.encodeFault(UNPARSABLE_REQUEST, "Failed to parse request");
        }
        try {
            return XmlRpcCodec.encodeResponse(dispatch(call.method(), call.params()));
        } catch (ApiFault fault) {
            return XmlRpcCodec.encodeFault(fault.code(), fault.getMessage());
        } catch (RuntimeException e) {
            // A bug in the simulator or data it cannot encode: Magento's answer to a PHP exception.
            System.err.println("Magento simulator: " + call.method() + " failed: " + e);
            return XmlRpcCodec.encodeFault(ApiFault.INTERNAL_ERROR, "Internal Error. Please see log for details.");
        }
    }

    private Object dispatch(String method, List<Object> params) throws ApiFault {
        Arguments p = new Arguments(params);
        stats.method(method);
        return switch (method) {
            case "login" -> login(p.text(0), p.text(1));
            case "call" -> call(p.text(0), p.text(1), Arguments.of(p.get(2)));
            case "multiCall" -> multiCall(p.text(0), p.get(1), p.struct(2));
            case "endSession" -> endSession(p.text(0));
            default -> throw new ApiFault(NO_SUCH_METHOD, "Method \"" + method + "\" does not exist");
        };
    }

    private String login(String givenUser, String givenKey) throws ApiFault {
        List<Object> args = new ArrayList<>();
        args.add(givenUser);
        if (givenUser == null || givenKey == null || !givenUser.equals(user) || !givenKey.equals(apiKey)) {
            record("login", args, null, ApiFault.ACCESS_DENIED);
            throw ApiFault.accessDenied();
        }
        String session = sessions.open();
        record("login", args, session, null);
        return session;
    }

    private Object call(String session, String path, Arguments args) throws ApiFault {
        try {
            useSession(session);
        } catch (ApiFault fault) {
            stats.path(path);
            record(path, args.asList(), session, fault.code());
            throw fault;
        }
        return invoke(session, path, args);
    }

    private void useSession(String session) throws ApiFault {
        try {
            sessions.use(session);
        } catch (ApiFault fault) {
            stats.fault(CallCounts.SESSION_EXPIRED);
            throw fault;
        }
    }

    private Object invoke(String session, String path, Arguments args) throws ApiFault {
        stats.path(path);
        try {
            Object result = methods.invoke(path, args);
            record(path, args.asList(), session, null);
            return result;
        } catch (ApiFault fault) {
            record(path, args.asList(), session, fault.code());
            throw fault;
        }
    }

    /**
     * One session check for the whole batch; each item answers its result or, when it faults,
     * {@code {isFault, faultCode, faultMessage}} and the batch goes on, unless the options say
     * {@code break}. The fault code is a string there, as PHP reads it from Magento's api.xml.
     */
    private List<Object> multiCall(String session, Object calls, Map<String, Object> options) throws ApiFault {
        try {
            useSession(session);
        } catch (ApiFault fault) {
            record("multiCall", List.of(), session, fault.code());
            throw fault;
        }
        boolean stopAtFault = options != null && Values.truthy(options.get("break"));
        List<Object> results = new ArrayList<>();
        if (!(calls instanceof List<?> items)) {
            return results;
        }
        for (Object item : items) {
            Object result;
            try {
                if (!(item instanceof List<?> pair) || pair.isEmpty()) {
                    throw ApiFault.invalidApiPath();
                }
                result = invoke(session, Values.text(pair.get(0)), Arguments.of(pair.size() > 1 ? pair.get(1) : null));
            } catch (ApiFault fault) {
                Map<String, Object> failed = new LinkedHashMap<>();
                failed.put("isFault", true);
                failed.put("faultCode", Integer.toString(fault.code()));
                failed.put("faultMessage", fault.getMessage());
                results.add(failed);
                if (stopAtFault) {
                    break;
                }
                continue;
            }
            results.add(result);
        }
        return results;
    }

    /** Always true, as Magento's: ending an unknown session is not an error. */
    private Boolean endSession(String session) {
        sessions.end(session);
        record("endSession", List.of(), session, null);
        return true;
    }

    private void record(String method, List<Object> args, String session, Integer faultCode) {
        recorder.accept(new RecordedCall(method, nullSafe(args), session, Instant.now(), faultCode));
    }

    /** A copy the caller cannot change; List.copyOf would refuse the nils arguments often hold. */
    private static List<Object> nullSafe(List<Object> args) {
        List<Object> copy = new ArrayList<>(args.size());
        for (Object arg : args) {
            copy.add(Values.copy(arg));
        }
        return Collections.unmodifiableList(copy);
    }
}
