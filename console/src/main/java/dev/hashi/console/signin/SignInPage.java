package dev.hashi.console.signin;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code GET /sign-in}: the identity provider's button, and in the dev profile the role picker. */
@Controller
class SignInPage {

    private final SignInProperties properties;

    SignInPage(SignInProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/sign-in")
    String signIn(Model model) {
        model.addAttribute("dev", properties.dev());
        model.addAttribute("oidc", properties.oidc().enabled());
        model.addAttribute("oidcPath", "/oauth2/authorization/" + ConsoleSecurity.REGISTRATION);
        model.addAttribute("roles", DevSignIn.ROLES);
        model.addAttribute("pairs", DevSignIn.PAIRS);
        return "sign-in";
    }
}
