package io.connector.web.internal;

import java.io.IOException;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.http.context.ServletContextHelper;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContext;

/**
 * The console's servlet context at {@code /connector}: every request to it passes
 * {@link #handleSecurity} first, so no servlet of the console can forget to check the login.
 * Which role a request needs is the servlet's to say.
 */
@Component(service = ServletContextHelper.class, scope = ServiceScope.BUNDLE)
@HttpWhiteboardContext(name = ConsoleContext.NAME, path = "/connector")
public final class ConsoleContext extends ServletContextHelper {

    public static final String NAME = "connector";
    /** Selects this context, for the console's servlets. */
    public static final String SELECT = "(osgi.http.whiteboard.context.name=" + NAME + ")";

    private final ConsoleSecurity security;

    @Activate
    public ConsoleContext(@Reference ConsoleSecurity security) {
        this.security = security;
    }

    @Override
    public boolean handleSecurity(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (security.admit(request)) {
            case PUBLIC, LOGGED_IN -> {
                return true;
            }
            case FORGED -> {
                Json.error(response, HttpServletResponse.SC_FORBIDDEN, "A change made with the console's session needs the "
                        + ConsoleSecurity.CONSOLE_HEADER + " header that the console's page sends; refused as a possible "
                        + "cross-site request");
                return false;
            }
            default -> {
                // The page says who it is and shows its own login form: a WWW-Authenticate answer
                // would make the browser show its own dialog instead.
                if (request.getHeader(ConsoleSecurity.CONSOLE_HEADER) == null) {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"Connector\", charset=\"UTF-8\"");
                }
                Json.error(response, HttpServletResponse.SC_UNAUTHORIZED, "Log in first: a user of the "
                        + security.config().realm() + " realm with role viewer, manager or admin, by basic auth or "
                        + "POST /connector/api/login");
                return false;
            }
        }
    }
}
