package dev.hashi.service.web;

import jakarta.servlet.http.HttpServletRequest;

import dev.hashi.identity.Identity;

/** The verified caller of a request, as the identity filter established it; anonymous until then. */
public final class Callers {

    private static final String ATTRIBUTE = Identity.class.getName();

    private Callers() {}

    /** Records the verified caller of {@code request}. */
    public static void establish(HttpServletRequest request, Identity caller) {
        request.setAttribute(ATTRIBUTE, caller);
    }

    /** The verified caller of {@code request}, or the anonymous reader. */
    public static Identity of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Identity verified ? verified : Identity.anonymous();
    }
}
