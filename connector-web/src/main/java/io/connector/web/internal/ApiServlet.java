package io.connector.web.internal;

import java.io.IOException;
import java.io.Serial;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import io.connector.api.ConnectorException;
import io.connector.api.UnknownBackendException;
import io.connector.web.internal.Operator.Grant;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON API under {@code /connector/api/}: each route needs a grant (viewer reads, manager
 * acts on jobs, imports and checkpoints, admin on backends), and every refusal or failure is a JSON
 * error naming what was wrong.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/*")
// A name of its own: Pax Web 8 takes one servlet per name in a context, and without one all four are
// "javax.servlet.Servlet": only the first registered would answer, the others wait forever.
@HttpWhiteboardServletName("connector-api")
@HttpWhiteboardContextSelect(ConsoleContext.SELECT)
public final class ApiServlet extends HttpServlet {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);

    private final transient Router router = new Router();

    @Activate
    public ApiServlet(@Reference ConsoleSecurity security, @Reference JobsResource jobs, @Reference BackendsResource backends,
            @Reference StoreResource store, @Reference OverviewResource overview) {
        new SessionResource(security).routes(router);
        jobs.routes(router);
        backends.routes(router);
        store.routes(router);
        overview.routes(router);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = ConsoleSecurity.path(request);
        try {
            Router.Match match = router.match(request.getMethod(), path);
            Operator operator = (Operator) request.getAttribute(ConsoleSecurity.OPERATOR);
            if (match.grant() != null) {
                check(operator, match.grant(), request.getMethod() + " " + path);
            }
            Object answer = match.handler().handle(router.call(request, response, match, operator));
            if (answer instanceof Router.Status status) {
                Json.write(response, status.status(), status.body());
            } else {
                Json.write(response, HttpServletResponse.SC_OK, answer);
            }
        } catch (ApiException e) {
            Json.error(response, e.status(), e.getMessage());
        } catch (UnknownBackendException e) {
            Json.error(response, HttpServletResponse.SC_NOT_FOUND, e.getMessage());
        } catch (IllegalArgumentException | ConnectorException e) {
            // What the services refuse (an unknown state, import or field, a job that cannot be
            // retried) they say in words meant for the operator.
            Json.error(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
        } catch (UnsupportedOperationException e) {
            Json.error(response, HttpServletResponse.SC_NOT_IMPLEMENTED, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Web console request {} {} failed", request.getMethod(), path, e);
            Json.error(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "Internal error on " + request.getMethod()
                    + " " + path + ": " + e + " (the log has its stack trace)");
        }
    }

    /** 401 without a login, 403 when the operator lacks the role. */
    static void check(Operator operator, Grant grant, String what) {
        if (operator == null) {
            throw new ApiException(HttpServletResponse.SC_UNAUTHORIZED, "Log in first");
        }
        if (!operator.may(grant)) {
            throw new ApiException(HttpServletResponse.SC_FORBIDDEN, "User '" + operator.name() + "' may not " + what
                    + ": it needs one of the roles " + String.join(", ", new java.util.TreeSet<>(grant.roles()))
                    + "; it has " + (operator.roles().isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(operator.roles()))));
        }
    }
}
