package io.connector.web.internal;

import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a user and password against a JAAS realm of Karaf ({@code karaf} by default: the users
 * the shell's SSH login knows, from {@code etc/users.properties} or whatever module an operator
 * configured), and reads the roles it grants.
 */
public final class JaasLogin implements ConsoleSecurity.Login {

    private static final Logger LOG = LoggerFactory.getLogger(JaasLogin.class);

    private final String realm;

    public JaasLogin(String realm) {
        this.realm = realm;
    }

    @Override
    public Optional<Operator> login(String user, String password) {
        if (user == null || user.isEmpty() || password == null) {
            return Optional.empty();
        }
        Subject subject = new Subject();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // LoginContext loads the realm's module class through the context class loader. Karaf's
        // realms all name its proxy module, which lives on the boot class path: that loader finds
        // it, whereas a servlet thread's loader (Jetty's, or none) may not.
        thread.setContextClassLoader(ProxyLoginModule.class.getClassLoader());
        try {
            LoginContext context = new LoginContext(realm, subject, callbacks -> {
                for (var callback : callbacks) {
                    if (callback instanceof NameCallback name) {
                        name.setName(user);
                    } else if (callback instanceof PasswordCallback secret) {
                        secret.setPassword(password.toCharArray());
                    } else {
                        throw new UnsupportedCallbackException(callback);
                    }
                }
            });
            context.login();
            Set<String> roles = subject.getPrincipals(RolePrincipal.class).stream().map(Principal::getName)
                    .collect(Collectors.toSet());
            return Optional.of(new Operator(user, roles));
        } catch (LoginException e) {
            // The user's name is logged, as Karaf's SSH server does; never the password.
            LOG.info("Web console login refused for user '{}' in realm {}: {}", user, realm, e.getMessage());
            return Optional.empty();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
