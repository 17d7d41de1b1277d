package dev.hashi.gateway.requestid;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Sends the request id ({@link RequestIdFilter}) downstream as {@value RequestIdFilter#HEADER}, replacing whatever the
 * client sent, on every routed request. Applied where the gateway builds the downstream request's headers, so requests
 * the gateway answers itself (its refusals, cache hits) never copy their headers for it.
 */
@Component
class RequestIdHeader implements HttpHeadersFilter {

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        String id = RequestIdFilter.of(exchange);
        if (id == null) {
            return input;
        }
        HttpHeaders output = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!name.equalsIgnoreCase(RequestIdFilter.HEADER)) {
                output.addAll(name, values);
            }
        });
        output.set(RequestIdFilter.HEADER, id);
        return output;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }
}
