package dev.hashi.content;

import dev.hashi.identity.Identity;
import dev.hashi.identity.Role;
import dev.hashi.testsupport.ServiceClient;

/** The callers of the tests, signed with the tests' gateway secret. */
public final class Users {

    public static final String SECRET = "test-gateway-secret-0123456789-abcdefghij";
    public static final Identity ADMIN = ServiceClient.user("ada", Role.ADMIN);
    public static final Identity EDITOR = ServiceClient.user("eri", Role.EDITOR);
    public static final Identity TRANSLATOR = ServiceClient.translator("taro", "ja:en");
    public static final Identity READER = ServiceClient.user("rita", Role.READER);
    public static final Identity ANONYMOUS = Identity.anonymous();

    private Users() {}
}
