package io.connector.web.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.connector.api.ConnectorException;
import io.connector.api.job.JobAdmin;
import io.connector.api.job.JobView;
import io.connector.web.internal.Operator.Grant;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Jobs: listed with filters, one in full, retried, cancelled or set done; as connector:jobs and its kin do. */
@Component(service = JobsResource.class)
public final class JobsResource {

    private static final int MAX_LIMIT = 1000;

    private final JobAdmin admin;

    @Activate
    public JobsResource(@Reference JobAdmin admin) {
        this.admin = admin;
    }

    void routes(Router router) {
        router.get("/api/jobs", Grant.VIEW, call -> admin.list(call.param("state"), call.param("channel"),
                call.param("backend"), call.param("function"), call.intParam("limit", 100, 1, MAX_LIMIT))
                .stream().map(JobsResource::summary).toList());
        router.get("/api/jobs/{uuid}", Grant.VIEW, call -> detail(job(call.part("uuid"))));
        router.post("/api/jobs/{uuid}/retry", Grant.MANAGE, call -> {
            String uuid = job(call.part("uuid")).uuid();
            admin.retry(uuid, who(call));
            return detail(admin.get(uuid));
        });
        router.post("/api/jobs/{uuid}/cancel", Grant.MANAGE, call -> {
            String uuid = job(call.part("uuid")).uuid();
            List<String> cancelled = admin.cancel(uuid, who(call));
            return Map.of("cancelled", cancelled);
        });
        router.post("/api/jobs/{uuid}/done", Grant.MANAGE, call -> {
            String uuid = job(call.part("uuid")).uuid();
            admin.markDone(uuid, who(call));
            return detail(admin.get(uuid));
        });
        router.post("/api/jobs/retry-failed", Grant.MANAGE, call -> Map.of("retried", admin.retryFailed(who(call))));
    }

    /** As the job history records who acted: the shell records the user too. */
    static String who(Router.Call call) {
        return call.operator().name() + " (web console)";
    }

    private JobView job(String uuid) {
        try {
            return admin.get(uuid);
        } catch (ConnectorException e) {
            throw new ApiException(404, "No job with uuid " + uuid);
        }
    }

    /** A job in a list: no arguments, trace or history, which can be large. */
    static Map<String, Object> summary(JobView job) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("uuid", job.uuid());
        view.put("function", job.function());
        view.put("state", job.state());
        view.put("channel", job.channel());
        view.put("priority", job.priority());
        view.put("eta", job.eta());
        view.put("retry", job.retry());
        view.put("max_retries", job.maxRetries());
        view.put("description", job.description());
        view.put("backend_id", job.backendId());
        view.put("worker", job.worker());
        view.put("created_at", job.createdAt());
        view.put("started_at", job.startedAt());
        view.put("ended_at", job.endedAt());
        view.put("result", job.result());
        view.put("error_class", job.errorClass());
        view.put("error_message", job.errorMessage());
        view.put("done_by", job.doneBy());
        return view;
    }

    static Map<String, Object> detail(JobView job) {
        Map<String, Object> view = summary(job);
        view.put("args", parse(job.args()));
        view.put("identity_key", job.identityKey());
        view.put("error_trace", job.errorTrace());
        view.put("history", job.history());
        return view;
    }

    /** The stored JSON arguments as JSON, not as a string of JSON; as text when they do not parse. */
    private static Object parse(String args) {
        if (args == null) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(args);
        } catch (java.io.IOException e) {
            return args;
        }
    }
}
