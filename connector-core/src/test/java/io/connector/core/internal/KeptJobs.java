package io.connector.core.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.connector.api.job.JobBuilder;
import io.connector.api.job.JobGraph;
import io.connector.api.job.JobQueue;
import io.connector.api.job.JobStep;

/** A queue that keeps what was delayed (each job's function and builder calls; a chain's uuids in order) and runs nothing. */
public final class KeptJobs implements JobQueue {

    public final List<Map<String, Object>> delayed = Collections.synchronizedList(new ArrayList<>());
    public final List<List<String>> chains = new ArrayList<>();
    private final Map<Object, Map<String, Object>> built = Collections.synchronizedMap(new IdentityHashMap<>());

    @Override
    public JobBuilder job(String function) {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("function", function);
        JobBuilder builder = (JobBuilder) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {JobBuilder.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "delay" -> delay(job);
                    case "delayFailed" -> {
                        job.put("failed", args[0]);
                        yield delay(job);
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> job.toString();
                    case "runNow", "onDone" -> throw new UnsupportedOperationException(method.getName());
                    default -> {
                        job.put(method.getName(), args == null ? null : args[0]);
                        yield proxy;
                    }
                });
        built.put(builder, job);
        return builder;
    }

    private String delay(Map<String, Object> job) {
        delayed.add(job);
        return "uuid-" + delayed.size();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> args(Map<String, Object> job) {
        return (Map<String, Object>) job.get("args");
    }

    @Override
    public JobGraph chain(JobStep... steps) {
        return new JobGraph() {
            @Override
            public List<String> delay() {
                List<String> uuids = new ArrayList<>();
                for (JobStep step : steps) {
                    uuids.add(KeptJobs.this.delay(built.get(step)));
                }
                chains.add(uuids);
                return uuids;
            }

            @Override
            public JobGraph onDone(JobStep next) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Override
    public JobGraph group(JobStep... steps) {
        throw new UnsupportedOperationException();
    }
}
