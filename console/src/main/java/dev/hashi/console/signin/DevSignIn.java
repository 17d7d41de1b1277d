package dev.hashi.console.signin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.hashi.console.gateway.GatewayApi;
import dev.hashi.console.gateway.GatewayProblem;
import dev.hashi.console.gateway.GatewayResponse;

/**
 * {@code POST /sign-in/dev}: the dev profile's sign-in. The developer picks a role and locale pairs; the console asks
 * the gateway's dev token endpoint for a token with them and keeps it in a new session. Only in the dev profile.
 */
@Controller
@ConditionalOnProperty(name = "cms.console.sign-in.profile", havingValue = "dev")
class DevSignIn {

    static final List<String> ROLES = List.of("editor", "translator", "reviewer", "admin");
    static final List<String> PAIRS = List.of("ja:en", "en:ja");

    private final GatewayApi gateway;
    private final SecurityContextRepository contexts;

    DevSignIn(GatewayApi gateway, SecurityContextRepository contexts) {
        this.gateway = gateway;
        this.contexts = contexts;
    }

    @PostMapping("/sign-in/dev")
    String signIn(
            @RequestParam(defaultValue = "") String role,
            @RequestParam(name = "pair", required = false) List<String> pairs,
            HttpServletRequest request,
            HttpServletResponse response) {
        List<String> chosenPairs = pairs == null ? List.of() : pairs;
        if (!ROLES.contains(role) || !PAIRS.containsAll(chosenPairs)) {
            return "redirect:/sign-in?invalid";
        }
        String subject = "dev-" + role;
        GatewayResponse minted;
        try {
            minted = gateway.send(
                    null,
                    "POST",
                    "/api/dev/tokens",
                    Map.of("subject", subject, "roles", List.of(role), "localePairs", chosenPairs),
                    Map.of());
        } catch (GatewayProblem problem) {
            return "redirect:/sign-in?unavailable";
        }
        String returnTo = ConsoleSecurity.returnTo(request);
        ConsoleUser user = new ConsoleUser(
                subject,
                List.of(role),
                chosenPairs,
                minted.body().path("token").asString(),
                Instant.parse(minted.body().path("expiresAt").asString()));
        List<SimpleGrantedAuthority> authorities = new ArrayList<>();
        user.roles().forEach(granted -> authorities.add(new SimpleGrantedAuthority("ROLE_" + granted.toUpperCase())));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(subject, null, authorities));
        request.getSession(true);
        request.changeSessionId();
        SessionUsers.keep(request, user);
        contexts.saveContext(context, request, response);
        return "redirect:" + returnTo;
    }
}
