package dev.hashi.console.shell;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

import dev.hashi.console.i18n.UiLanguage;

/** The start page and the UI language switch. */
@Controller
class ShellController {

    private final LocaleResolver languages;

    ShellController(LocaleResolver languages) {
        this.languages = languages;
    }

    @GetMapping("/")
    String start() {
        return "redirect:/pages";
    }

    /** Remembers the UI language in a cookie and goes back to the page the switch was on (a console path only). */
    @PostMapping("/ui-language")
    String switchLanguage(
            @RequestParam String lang,
            @RequestParam(name = "return", defaultValue = "/") String returnTo,
            HttpServletRequest request,
            HttpServletResponse response) {
        languages.setLocale(request, response, UiLanguage.supported(lang));
        boolean local = returnTo.startsWith("/") && !returnTo.startsWith("//") && !returnTo.contains("\\");
        return "redirect:" + (local ? returnTo : "/");
    }
}
