package dev.hashi.service.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.hashi.problem.ProblemCodes;

/**
 * Refuses request paths that the router would read differently from how they are written: matrix parameters
 * ({@code ;}), percent-encoded ASCII ({@code %61pi}, {@code %2e%2e}, {@code %2f} — encoded UTF-8 such as Japanese
 * slugs stays allowed), backslashes, empty or dot segments. After it, the raw path is the path Spring MVC matches,
 * so checks on the path (the identity filter) see what the controllers see. The gateway refuses the same tricks.
 */
public class PathGuardFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refusal = refusal(request.getRequestURI());
        if (refusal != null) {
            FilterProblems.write(
                    request,
                    response,
                    HttpStatus.BAD_REQUEST,
                    ProblemCodes.REQUEST_REJECTED,
                    "The request path is not in canonical form: " + refusal + ".",
                    Map.of());
            return;
        }
        chain.doFilter(request, response);
    }

    /** Why {@code rawPath} is refused, or {@code null} when it is canonical. */
    static String refusal(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return "it must start with /";
        }
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == ';') {
                return "matrix parameters are not accepted";
            }
            if (c == '\\' || c < 0x20 || c == 0x7f) {
                return "it contains a backslash or a control character";
            }
            if (c == '%') {
                if (i + 2 >= rawPath.length()) {
                    return "it has a truncated percent-encoding";
                }
                int high = Character.digit(rawPath.charAt(i + 1), 16);
                int low = Character.digit(rawPath.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return "it has an invalid percent-encoding";
                }
                int value = high * 16 + low;
                if (value < 0x80) {
                    return "ASCII characters must not be percent-encoded";
                }
            }
        }
        for (String segment : rawPath.substring(1).split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return "dot segments are not accepted";
            }
        }
        if (rawPath.contains("//")) {
            return "empty segments are not accepted";
        }
        return null;
    }
}
