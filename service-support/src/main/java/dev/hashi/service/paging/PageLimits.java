package dev.hashi.service.paging;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Overrides the default and maximum {@code limit} of one list (defaults: 20 and {@link PageRequest#MAX_LIMIT}). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface PageLimits {

    int defaultLimit() default PageRequest.DEFAULT_LIMIT;

    int max() default PageRequest.MAX_LIMIT;
}
