package io.pmip.ops.wire;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The record classes of a sealed model interface, found by simple name or by wire type code. The
 * model has no registry of its own, so the sealed interface's permitted subclasses are the list;
 * each record names its code in a static int constant ({@code MH_TYPE}, {@code TYPE}), and the one
 * record without that constant is the catch-all for unassigned codes (UnknownMessage, UnknownOption).
 */
final class RecordTypes<T> {
    private final Class<T> sealedType;
    private final Map<String, Class<? extends T>> byName = new LinkedHashMap<>();
    private final Map<Class<?>, Integer> codes = new LinkedHashMap<>();
    private final Class<? extends T> catchAll;

    RecordTypes(Class<T> sealedType, String codeConstant) {
        this.sealedType = sealedType;
        Class<? extends T> fallback = null;
        for (Class<?> permitted : sealedType.getPermittedSubclasses()) {
            Class<? extends T> type = permitted.asSubclass(sealedType);
            byName.put(type.getSimpleName(), type);
            Optional<Integer> code = staticInt(type, codeConstant);
            if (code.isPresent()) {
                codes.put(type, code.get());
            } else if (fallback == null) {
                fallback = type;
            } else {
                throw new IllegalStateException(sealedType.getSimpleName() + " has two records without "
                        + codeConstant + ": " + fallback.getSimpleName() + ", " + type.getSimpleName());
            }
        }
        this.catchAll = fallback;
    }

    Optional<Class<? extends T>> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The fixed code of a record class; empty for the catch-all, whose code is a component. */
    Optional<Integer> codeOf(Class<?> type) {
        return Optional.ofNullable(codes.get(type));
    }

    /** Records whose constant equals {@code code}; more than one when a sub-type field tells them apart (MH Type 16). */
    List<Class<? extends T>> byCode(int code) {
        List<Class<? extends T>> found = new ArrayList<>();
        for (Class<? extends T> type : byName.values()) {
            if (Integer.valueOf(code).equals(codes.get(type))) {
                found.add(type);
            }
        }
        return found;
    }

    Class<? extends T> catchAll() {
        return catchAll;
    }

    String names() {
        return String.join(", ", byName.keySet());
    }

    String kind() {
        return sealedType.getSimpleName();
    }

    private static Optional<Integer> staticInt(Class<?> type, String name) {
        try {
            Field f = type.getField(name);
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                return Optional.of(f.getInt(null));
            }
        } catch (NoSuchFieldException | IllegalAccessException e) {
            // no constant: the catch-all record
        }
        return Optional.empty();
    }
}
