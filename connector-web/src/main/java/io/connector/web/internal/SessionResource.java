package io.connector.web.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import javax.servlet.http.HttpServletResponse;

import io.connector.web.internal.Operator.Grant;

/** Logging in and out of the page, and who is logged in. */
final class SessionResource {

    private final ConsoleSecurity security;

    SessionResource(ConsoleSecurity security) {
        this.security = security;
    }

    void routes(Router router) {
        router.post("/api/login", null, call -> {
            String user = call.text("user", true);
            Object password = call.body().get("password");
            Operator operator = security.login(user, password == null ? null : password.toString()).orElseThrow(() ->
                    new ApiException(HttpServletResponse.SC_UNAUTHORIZED, "Wrong user or password"));
            if (!operator.mayView()) {
                throw new ApiException(HttpServletResponse.SC_FORBIDDEN, "User '" + user + "' has none of the roles "
                        + "viewer, manager or admin that the console needs");
            }
            String token = security.sessions().open(operator);
            call.response().addHeader("Set-Cookie", security.sessions().cookie(token, call.request().isSecure()));
            return describe(operator);
        });
        router.post("/api/logout", null, call -> {
            security.sessions().close(ConsoleSecurity.token(call.request()));
            call.response().addHeader("Set-Cookie", security.sessions().expiredCookie());
            return Map.of("logged_out", true);
        });
        router.get("/api/me", Grant.VIEW, call -> describe(call.operator()));
    }

    /** The operator and what the page may offer them. */
    static Map<String, Object> describe(Operator operator) {
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("user", operator.name());
        me.put("roles", new TreeSet<>(operator.roles()));
        me.put("may_manage", operator.may(Grant.MANAGE));
        me.put("may_administer", operator.may(Grant.ADMINISTER));
        return me;
    }
}
