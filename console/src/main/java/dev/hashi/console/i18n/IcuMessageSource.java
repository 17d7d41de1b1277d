package dev.hashi.console.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

/**
 * Messages in ICU MessageFormat ({@code {0, plural, one {# page} other {# pages}}}) from UTF-8 properties bundles on
 * the class path: {@code i18n/<base>.properties} in English and {@code i18n/<base>_ja.properties} in Japanese, for
 * each base name (one per area of the console, so that each area keeps its own files). A key missing in Japanese
 * falls back to English; a key missing everywhere is a {@link NoSuchMessageException}.
 */
public final class IcuMessageSource implements MessageSource {

    /** The UI languages; the first is the default and the fallback. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.JAPANESE);

    private final Map<String, Map<String, String>> patterns = new HashMap<>();
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

    /** @param baseNames bundle base names under {@code i18n/}, e.g. {@code console}, {@code translate} */
    public IcuMessageSource(List<String> baseNames) {
        for (Locale language : LANGUAGES) {
            Map<String, String> all = new HashMap<>();
            for (String base : baseNames) {
                load(bundlePath(base, language)).forEach((key, value) -> {
                    if (all.put(key, value) != null) {
                        throw new IllegalStateException("message key " + key + " is defined twice (" + base + ")");
                    }
                });
            }
            patterns.put(language.getLanguage(), all);
        }
    }

    /** The class-path resource of one bundle: {@code i18n/console.properties}, {@code i18n/console_ja.properties}. */
    public static String bundlePath(String base, Locale language) {
        return language.equals(LANGUAGES.get(0))
                ? "i18n/" + base + ".properties"
                : "i18n/" + base + "_" + language.getLanguage() + ".properties";
    }

    /** Reads one bundle as UTF-8; an absent bundle is empty. */
    public static Map<String, String> load(String resource) {
        Map<String, String> messages = new HashMap<>();
        try (InputStream in = IcuMessageSource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return messages;
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            properties.stringPropertyNames().forEach(key -> messages.put(key, properties.getProperty(key)));
            return messages;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Every key known in the default language. */
    public Set<String> keys() {
        return patterns.get(LANGUAGES.get(0).getLanguage()).keySet();
    }

    @Override
    public String getMessage(String code, Object[] args, String defaultMessage, Locale locale) {
        String message = format(code, args, locale);
        return message != null ? message : defaultMessage;
    }

    @Override
    public String getMessage(String code, Object[] args, Locale locale) {
        String message = format(code, args, locale);
        if (message == null) {
            throw new NoSuchMessageException(code, locale);
        }
        return message;
    }

    @Override
    public String getMessage(MessageSourceResolvable resolvable, Locale locale) {
        String[] codes = resolvable.getCodes();
        if (codes != null) {
            for (String code : codes) {
                String message = format(code, resolvable.getArguments(), locale);
                if (message != null) {
                    return message;
                }
            }
        }
        if (resolvable.getDefaultMessage() != null) {
            return resolvable.getDefaultMessage();
        }
        throw new NoSuchMessageException(codes == null || codes.length == 0 ? "" : codes[0], locale);
    }

    private String format(String code, Object[] args, Locale locale) {
        String language = language(locale);
        String pattern = patterns.get(language).get(code);
        if (pattern == null) {
            language = LANGUAGES.get(0).getLanguage();
            pattern = patterns.get(language).get(code);
        }
        if (pattern == null) {
            return null;
        }
        String lang = language;
        String source = pattern;
        MessageFormat format = formats.computeIfAbsent(
                lang + '\u0000' + code, key -> new MessageFormat(source, ULocale.forLanguageTag(lang)));
        synchronized (format) {
            return format.format(args == null ? new Object[0] : args);
        }
    }

    private static String language(Locale locale) {
        if (locale != null) {
            for (Locale candidate : LANGUAGES) {
                if (candidate.getLanguage().equals(locale.getLanguage())) {
                    return candidate.getLanguage();
                }
            }
        }
        return LANGUAGES.get(0).getLanguage();
    }
}
