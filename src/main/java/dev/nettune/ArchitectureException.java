package dev.nettune;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class that deliberately breaks a layer rule of DESIGN.md, and says why: the layer
 * test skips it, and a reader sees the reason where the rule is broken instead of in a list far away.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ArchitectureException {
    /** Why this class may cross the layer (and, if it is temporary, what would remove the need). */
    String value();
}
