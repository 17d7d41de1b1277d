package dev.hashi.gateway.security;

import dev.hashi.gateway.tokens.ApiTokens;

/** API token shapes for tests. */
final class ApiTokensFixture {

    private ApiTokensFixture() {}

    /** Looks like an API token, but was never issued. */
    static String unknownApiToken() {
        return ApiTokens.PREFIX + "bm90LWEtcmVhbC10b2tlbi1qdXN0LWEtc2hhcGUtb2Ytb25l";
    }
}
