package care.m2m.gateway.web;

import care.m2m.gateway.admin.AdminToken;
import care.m2m.gateway.security.AuthThrottle;
import care.m2m.gateway.tips.CustomerStore;
import care.m2m.gateway.web.WebSessions.Session;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in, posted once in a form; afterwards only the opaque session cookie travels. People sign in with a
 * username and password (see {@link PasswordSignIn}); the token a person may already have (a customer token,
 * the admin token, the field-service token) still works as a second option for scripts and old habits. The
 * form is protected by a double-submit cookie so nobody can sign a browser into someone else's account, and
 * wrong passwords and codes are throttled like every other authentication of the gateway.
 */
final class LoginPages {

    private static final String LOGIN_COOKIE = "m2mcare_login";

    private final WebSessions sessions;
    private final Templates templates;
    private final CustomerStore customers;
    private final AdminToken admin;
    private final AdminToken fieldService;
    private final WorkerExecutor workers;
    private final AuthThrottle throttle;
    private final PasswordSignIn passwords;
    private final SecureRandom random = new SecureRandom();

    LoginPages(WebSessions sessions, Templates templates, CustomerStore customers, AdminToken admin,
            AdminToken fieldService, WorkerExecutor workers, AuthThrottle throttle, PasswordSignIn passwords) {
        this.sessions = sessions;
        this.templates = templates;
        this.customers = customers;
        this.admin = admin;
        this.fieldService = fieldService;
        this.workers = workers;
        this.throttle = throttle;
        this.passwords = passwords;
    }

    void mount(Router router) {
        router.get("/web").handler(ctx -> ctx.redirect("/web/login"));
        router.get("/web/").handler(ctx -> ctx.redirect("/web/login"));
        router.get("/web/login").handler(ctx -> form(ctx, 200, null, "customer", ""));
        router.post("/web/login").handler(this::login);
        router.post("/web/logout").handler(this::logout);
    }

    private void form(RoutingContext ctx, int status, String error, String role) {
        form(ctx, status, error, role, "");
    }

    private void form(RoutingContext ctx, int status, String error, String role, String username) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ctx.response().addCookie(Cookie.cookie(LOGIN_COOKIE, nonce).setPath("/web/login").setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setMaxAge(3600));
        ctx.response().setStatusCode(status);
        templates.render(ctx, "login", Map.of("loginNonce", nonce, "error", error == null ? "" : error,
                "selectedRole", role, "username", username));
    }

    private void login(RoutingContext ctx) {
        Cookie nonce = ctx.request().getCookie(LOGIN_COOKIE);
        String sent = ctx.request().getFormAttribute("loginNonce");
        if (nonce == null || sent == null || !MessageDigest.isEqual(nonce.getValue().getBytes(), sent.getBytes())) {
            form(ctx, 403, "The sign-in form expired; please try again.", "customer");
            return;
        }
        if (ctx.request().getFormAttribute("username") != null) {
            passwordLogin(ctx);
            return;
        }
        String roleValue = ctx.request().getFormAttribute("role");
        String token = Optional.ofNullable(ctx.request().getFormAttribute("token")).orElse("").trim();
        Role role;
        try {
            role = Role.parse(roleValue);
        } catch (IllegalArgumentException e) {
            form(ctx, 400, "Choose who you are: customer, operator or field service.", "customer");
            return;
        }
        String address = "web-login:" + ctx.request().remoteAddress().hostAddress();
        if (throttle.blocked(address)) {
            form(ctx, 429, "Too many wrong codes from your address; please wait a little and try again.",
                    role.name().toLowerCase());
            return;
        }
        subjectOf(role, token).onSuccess(subject -> {
            if (subject.isEmpty()) {
                throttle.failure(address);
                form(ctx, 401, "That token does not sign you in as " + WebAuth.label(role) + ".",
                        role.name().toLowerCase());
                return;
            }
            signedIn(ctx, role, subject.get(), role == Role.FIELD_SERVICE ? token : null);
        }).onFailure(e -> WebErrors.failed(ctx, e));
    }

    private void passwordLogin(RoutingContext ctx) {
        String username = ctx.request().getFormAttribute("username").trim();
        String password = Optional.ofNullable(ctx.request().getFormAttribute("password")).orElse("");
        String address = ctx.request().remoteAddress().hostAddress();
        passwords.check(address, username, password).onSuccess(outcome -> {
            switch (outcome) {
                case PasswordSignIn.Throttled t -> form(ctx, 429,
                        "Too many wrong passwords; please wait a little and try again.", "customer", username);
                case PasswordSignIn.Refused r -> form(ctx, 401, "Wrong username or password.", "customer", username);
                case PasswordSignIn.Accepted a -> signedIn(ctx, a.role(), a.subject(), a.credential());
            }
        }).onFailure(e -> WebErrors.failed(ctx, e));
    }

    /** Replaces any earlier session of this browser (no session fixation) and sends the person home. */
    private void signedIn(RoutingContext ctx, Role role, String subject, String credential) {
        WebAuth.current(sessions, ctx).ifPresent(old -> sessions.close(old.id()));
        Session session = sessions.open(role, subject, credential);
        ctx.response().addCookie(WebAuth.cookie(ctx, session.id(), WebSessions.IDLE_TIMEOUT.toSeconds()));
        ctx.response().addCookie(Cookie.cookie(LOGIN_COOKIE, "").setPath("/web/login").setMaxAge(0));
        ctx.response().setStatusCode(303).putHeader("Location", role.home()).end();
    }

    private Future<Optional<String>> subjectOf(Role role, String token) {
        if (token.isEmpty()) {
            return Future.succeededFuture(Optional.empty());
        }
        return switch (role) {
            case CUSTOMER -> workers.executeBlocking(() -> customers.customerOf(token), false);
            case OPERATOR -> Future.succeededFuture(admin.matches(token) ? Optional.of("operator") : Optional.empty());
            case FIELD_SERVICE -> Future.succeededFuture(fieldService.matches(token)
                    ? Optional.of("field-service") : Optional.empty());
        };
    }

    private void logout(RoutingContext ctx) {
        Optional<Session> session = WebAuth.current(sessions, ctx);
        String sent = ctx.request().getFormAttribute(WebAuth.CSRF_FIELD);
        if (session.isPresent() && sent != null && MessageDigest.isEqual(sent.getBytes(), session.get().csrf().getBytes())) {
            sessions.close(session.get().id());
        }
        ctx.response().addCookie(WebAuth.cookie(ctx, "", 0));
        ctx.response().setStatusCode(303).putHeader("Location", "/web/login").end();
    }
}
