package io.connector.web.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;

/** Requests made without a servlet container: only what the console reads of them answers. */
final class Requests {

    private Requests() {
    }

    static HttpServletRequest request(String method, String path, Map<String, String> headers, Cookie... cookies) {
        Map<String, Object> attributes = new HashMap<>();
        return (HttpServletRequest) Proxy.newProxyInstance(Requests.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> "/connector" + path;
                    case "getContextPath" -> "/connector";
                    case "getHeader" -> headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase((String) args[0]))
                            .map(Map.Entry::getValue).findFirst().orElse(null);
                    case "getCookies" -> cookies.length == 0 ? null : cookies;
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "getAttribute" -> attributes.get(args[0]);
                    case "isSecure" -> false;
                    case "toString" -> method + " " + path;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
