package dev.hashi.service.web;

import java.time.Clock;
import java.util.List;
import java.util.function.BiFunction;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import org.springframework.web.util.UriComponentsBuilder;

import dev.hashi.identity.Identity;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.command.Versions;
import dev.hashi.service.paging.Page;
import dev.hashi.service.paging.PageLimits;
import dev.hashi.service.paging.PageRequest;

/**
 * The web conventions every service shares: controllers take the verified caller ({@link Identity}), a
 * {@link CommandContext} (caller, request id, time)
 * and a {@link PageRequest} (from {@code cursor} and {@code limit}) as parameters, and every {@link Page} they
 * return also announces its next page in a {@code Link: <…>; rel="next"} header.
 */
public class WebConventions implements WebMvcConfigurer {

    private final ObjectProvider<Clock> clock;

    WebConventions(ObjectProvider<Clock> clock) {
        this.clock = clock;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ParameterOf<>(
                Identity.class,
                (parameter, request) -> Callers.of(request.getNativeRequest(HttpServletRequest.class))));
        resolvers.add(new ParameterOf<>(
                CommandContext.class,
                (parameter, request) -> new CommandContext(
                        Callers.of(request.getNativeRequest(HttpServletRequest.class)),
                        RequestIdFilter.current(),
                        clock.getIfAvailable(Clock::systemUTC).instant(),
                        Versions.optionalIfMatch(request.getHeader(Versions.IF_MATCH), "resource"))));
        resolvers.add(new ParameterOf<>(PageRequest.class, (parameter, request) -> {
            PageLimits limits = parameter.getParameterAnnotation(PageLimits.class);
            int defaultLimit = limits == null ? PageRequest.DEFAULT_LIMIT : limits.defaultLimit();
            int max = limits == null ? PageRequest.MAX_LIMIT : limits.max();
            return PageRequest.parse(request.getParameter("cursor"), request.getParameter("limit"), defaultLimit, max);
        }));
    }

    /** Resolves controller parameters of one type. */
    private record ParameterOf<T>(Class<T> type, BiFunction<MethodParameter, NativeWebRequest, T> resolve)
            implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == type;
        }

        @Override
        public Object resolveArgument(
                MethodParameter parameter,
                ModelAndViewContainer container,
                NativeWebRequest request,
                WebDataBinderFactory binders) {
            return resolve.apply(parameter, request);
        }
    }

    /** Adds {@code Link: <…?cursor=…>; rel="next"} to every page that has a next one. */
    @ControllerAdvice
    static class NextPageLink implements ResponseBodyAdvice<Object> {

        @Override
        public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
            return true;
        }

        @Override
        public Object beforeBodyWrite(
                Object body,
                MethodParameter returnType,
                MediaType contentType,
                Class<? extends HttpMessageConverter<?>> converterType,
                ServerHttpRequest request,
                ServerHttpResponse response) {
            if (body instanceof Page<?> page && page.next() != null) {
                // the cursor is base64url, so the already-encoded query stays as it is
                java.net.URI uri = UriComponentsBuilder.fromUri(request.getURI())
                        .replaceQueryParam("cursor", page.next())
                        .build(true)
                        .toUri();
                String next = uri.getRawPath() + "?" + uri.getRawQuery();
                response.getHeaders().add(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
            }
            return body;
        }
    }
}
