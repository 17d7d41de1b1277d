package dev.hashi.console.shell;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dev.hashi.console.signin.ConsoleUser;
import dev.hashi.console.signin.SessionUsers;

/** The layout's values on every page: who is signed in and which page this is (for the language switch). */
@ControllerAdvice
class ShellModel {

    @ModelAttribute("user")
    ConsoleUser user(HttpServletRequest request) {
        return SessionUsers.of(request);
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        return "GET".equals(request.getMethod()) && query != null ? path + "?" + query : path;
    }
}
