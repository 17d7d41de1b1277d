package dev.hashi.console.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives controllers the signed-in {@link ConsoleUser} as a parameter, from the session. A session without one
 * (signed in some other way, or the user was dropped) is {@link SignInRequired}.
 */
public final class SessionUsers implements HandlerMethodArgumentResolver {

    static final String ATTRIBUTE = ConsoleUser.class.getName();

    /** The signed-in user of this request's session, or {@code null}. */
    public static ConsoleUser of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (ConsoleUser) session.getAttribute(ATTRIBUTE);
    }

    static void keep(HttpServletRequest request, ConsoleUser user) {
        request.getSession(true).setAttribute(ATTRIBUTE, user);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(ConsoleUser.class);
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binders) {
        ConsoleUser user = of(request.getNativeRequest(HttpServletRequest.class));
        if (user == null) {
            throw new SignInRequired();
        }
        return user;
    }
}
