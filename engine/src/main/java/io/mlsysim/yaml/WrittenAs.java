package io.mlsysim.yaml;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A type that YAML may spell in several shapes (a name or a number; a list or a range mapping).
 * Its reader picks the shape; the JSON Schema generator offers any of these types in its place.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WrittenAs {
  /** The shapes, each described by its own type; an array type means a list of its items. */
  Class<?>[] value();
}
