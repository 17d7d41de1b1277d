package dev.hashi.console.signin;

/** The session holds no usable sign-in (none, or the gateway no longer accepts its token): sign in again. */
public class SignInRequired extends RuntimeException {

    public SignInRequired() {
        super("sign in again");
    }
}
