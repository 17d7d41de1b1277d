package dev.hashi.console.shell;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import dev.hashi.console.gateway.GatewayProblem;
import dev.hashi.console.signin.SignInRequired;

/**
 * A problem the gateway answered and no screen handled itself is shown as a message in the layout (a fragment for an
 * htmx request), with its code and request id, and the gateway's status. A token the gateway no longer accepts ends
 * the session and goes to the sign-in page.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemPages {

    @ExceptionHandler(GatewayProblem.class)
    String problem(GatewayProblem problem, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (problem.is(401)) {
            return signInAgain(request, response);
        }
        response.setStatus(problem.status() >= 500 ? 502 : problem.status());
        model.addAttribute("problem", problem);
        return request.getHeader("HX-Request") != null ? "fragments/problem :: problem" : "problem";
    }

    @ExceptionHandler(SignInRequired.class)
    String signInAgain(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", request.getContextPath() + "/sign-in?expired");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return "fragments/problem :: empty";
        }
        return "redirect:/sign-in?expired";
    }
}
