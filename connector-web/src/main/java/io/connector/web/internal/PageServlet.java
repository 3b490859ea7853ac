package io.connector.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serial;
import java.net.URL;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The page: three files shipped in the bundle, {@code /connector/} being its HTML. A servlet and
 * not a whiteboard resource because a resource has no welcome file: {@code /connector/} would not
 * answer. Only the named files are served, with headers that keep the page from being framed or
 * running scripts from elsewhere.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/", "/index.html", "/console.js", "/console.css"})
// A name of its own: Pax Web 8 takes one servlet per name in a context, and without one all four are
// "javax.servlet.Servlet": only the first registered would answer, the others wait forever.
@HttpWhiteboardServletName("connector-page")
@HttpWhiteboardContextSelect(ConsoleContext.SELECT)
public final class PageServlet extends HttpServlet {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8",
            "console.css", "text/css; charset=utf-8");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = ConsoleSecurity.path(request);
        String file = path.isEmpty() || path.equals("/") ? "index.html" : path.substring(1);
        String type = FILES.get(file);
        URL resource = type == null ? null : PageServlet.class.getResource("/web/" + file);
        if (resource == null) {
            Json.error(response, 404, "No such page: " + path);
            return;
        }
        response.setContentType(type);
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
        try (InputStream in = resource.openStream()) {
            in.transferTo(response.getOutputStream());
        }
    }
}
