package io.pmip.ops.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pmip.protocol.Bytes;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.MobilityMessage;
import io.pmip.protocol.mh.option.MobilityOption;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON form of the Mobility Header model, derived from the records themselves so a new message
 * or option record needs no change here. A record becomes an object with {@code "type"} (the record
 * name), its wire code ({@code "mhType"} or {@code "optionType"}) and one field per record component:
 * numbers and booleans as they are, addresses as text, prefixes as {@code "2001:db8::/64"}, bytes as
 * hex, lists as arrays, options as nested objects. A raw code component {@code fooCode} that the
 * record also offers as {@code Optional<FooEnum> foo()} is shown as {@code "foo":{"name":..,"code":..}}
 * (name null for an unassigned code) and read back from the code, the name, or {@code "fooCode"}.
 */
public final class MobilityJson {
    static final String TYPE = "type";
    static final String MH_TYPE = "mhType";
    static final String OPTION_TYPE = "optionType";
    private static final String CODE_SUFFIX = "Code";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final RecordTypes<MobilityMessage> MESSAGES = new RecordTypes<>(MobilityMessage.class, "MH_TYPE");
    private static final RecordTypes<MobilityOption> OPTIONS = new RecordTypes<>(MobilityOption.class, "TYPE");

    private MobilityJson() {
    }

    public static ObjectNode toJson(MobilityMessage message) {
        return recordToJson((Record) message, MH_TYPE, message.mhType());
    }

    public static ObjectNode toJson(MobilityOption option) {
        return recordToJson((Record) option, OPTION_TYPE, option.type());
    }

    /** Reads a message object; {@code path} prefixes error locations. */
    public static MobilityMessage messageFromJson(JsonNode node, String path) throws WireJsonException {
        return fromJson(node, path, MESSAGES, MH_TYPE);
    }

    public static MobilityOption optionFromJson(JsonNode node, String path) throws WireJsonException {
        return fromJson(node, path, OPTIONS, OPTION_TYPE);
    }

    // ---- record -> JSON

    private static ObjectNode recordToJson(Record record, String codeKey, int code) {
        ObjectNode out = NODES.objectNode();
        out.put(TYPE, record.getClass().getSimpleName());
        out.put(codeKey, code);
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            if (c.getName().equals(codeKey)) {
                continue; // the catch-all record's own code: already written
            }
            Object value = invoke(c.getAccessor(), record);
            Optional<Method> enumView = enumView(record.getClass(), c);
            if (enumView.isPresent()) {
                Optional<?> named = (Optional<?>) invoke(enumView.get(), record);
                ObjectNode e = out.putObject(enumView.get().getName());
                e.put("name", named.map(n -> ((Enum<?>) n).name()).orElse(null));
                e.put("code", (Integer) value);
            } else {
                out.set(c.getName(), valueToJson(value));
            }
        }
        return out;
    }

    private static JsonNode valueToJson(Object value) {
        if (value == null) {
            return NODES.nullNode();
        } else if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        } else if (value instanceof Integer i) {
            return NODES.numberNode(i);
        } else if (value instanceof Long l) {
            return NODES.numberNode(l);
        } else if (value instanceof Inet6Address a) {
            return NODES.textNode(Ipv6Prefix.formatAddress(a.getAddress()));
        } else if (value instanceof Inet4Address a) {
            return NODES.textNode(a.getHostAddress());
        } else if (value instanceof Ipv6Prefix || value instanceof Bytes) {
            return NODES.textNode(value.toString());
        } else if (value instanceof MobilityOption o) {
            return toJson(o);
        } else if (value instanceof MobilityMessage m) {
            return toJson(m);
        } else if (value instanceof Enum<?> e) {
            ObjectNode n = NODES.objectNode();
            n.put("name", e.name());
            codeOf(e).ifPresent(code -> n.put("code", code));
            return n;
        } else if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(v -> array.add(valueToJson(v)));
            return array;
        }
        throw new IllegalStateException("no JSON form for " + value.getClass().getName()
                + "; teach MobilityJson this value type");
    }

    // ---- JSON -> record

    private static <T> T fromJson(JsonNode node, String path, RecordTypes<T> types, String codeKey)
            throws WireJsonException {
        if (node == null || !node.isObject()) {
            throw new WireJsonException(path, "expected a JSON object describing a " + types.kind());
        }
        Class<? extends T> type = recordClass(node, path, types, codeKey);
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] argTypes = new Class<?>[components.length];
        Set<String> known = new HashSet<>(Set.of(TYPE, codeKey));
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            argTypes[i] = c.getType();
            known.add(c.getName());
            Optional<Method> enumView = enumView(type, c);
            if (enumView.isPresent()) {
                known.add(enumView.get().getName());
                args[i] = enumCode(node, path, c.getName(), enumView.get());
            } else {
                JsonNode field = node.get(c.getName());
                args[i] = valueFromJson(field, c.getGenericType(), path + "." + c.getName());
            }
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new WireJsonException(path + "." + name,
                        "not a field of " + type.getSimpleName() + " (fields: " + String.join(", ", fieldNames(type)) + ")");
            }
        }
        return construct(type, argTypes, args, path);
    }

    private static <T> Class<? extends T> recordClass(JsonNode node, String path, RecordTypes<T> types, String codeKey)
            throws WireJsonException {
        JsonNode name = node.get(TYPE);
        JsonNode code = node.get(codeKey);
        if (code != null && !code.canConvertToInt()) {
            throw new WireJsonException(path + "." + codeKey, "expected an integer, got " + code);
        }
        if (name != null) {
            if (!name.isTextual()) {
                throw new WireJsonException(path + "." + TYPE, "expected a record name, got " + name);
            }
            Class<? extends T> type = types.byName(name.asText()).orElseThrow(() -> new WireJsonException(
                    path + "." + TYPE, "unknown " + types.kind() + " \"" + name.asText() + "\" (known: " + types.names() + ")"));
            Optional<Integer> fixed = types.codeOf(type);
            if (code != null && fixed.isPresent() && fixed.get() != code.asInt()) {
                throw new WireJsonException(path + "." + codeKey,
                        name.asText() + " has " + codeKey + " " + fixed.get() + ", not " + code.asInt());
            }
            return type;
        }
        if (code == null) {
            throw new WireJsonException(path, "needs \"" + TYPE + "\" (a record name) or \"" + codeKey + "\"");
        }
        List<Class<? extends T>> candidates = types.byCode(code.asInt());
        if (candidates.size() > 1) {
            throw new WireJsonException(path, codeKey + " " + code.asInt() + " is shared by "
                    + candidates.stream().map(Class::getSimpleName).toList() + ": give \"" + TYPE + "\"");
        }
        return candidates.isEmpty() ? types.catchAll() : candidates.get(0);
    }

    private static Object valueFromJson(JsonNode node, Type type, String path) throws WireJsonException {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (node == null || node.isNull()) {
            if (raw == List.class) {
                return List.of();
            }
            if (raw.isPrimitive()) {
                throw new WireJsonException(path, "missing (" + raw.getName() + ")");
            }
            return null; // the record's constructor says whether it may be absent
        }
        try {
            if (raw == boolean.class || raw == Boolean.class) {
                return expect(node.isBoolean(), node, path, "true or false").booleanValue();
            } else if (raw == int.class || raw == Integer.class) {
                return expect(node.isIntegralNumber() && node.canConvertToInt(), node, path, "an integer").intValue();
            } else if (raw == long.class || raw == Long.class) {
                return expect(node.isIntegralNumber() && node.canConvertToLong(), node, path, "an integer").longValue();
            } else if (raw == Inet6Address.class) {
                return IpText.ipv6(text(node, path));
            } else if (raw == Inet4Address.class) {
                return IpText.ipv4(text(node, path));
            } else if (raw == Ipv6Prefix.class) {
                return Ipv6Prefix.parse(text(node, path));
            } else if (raw == Bytes.class) {
                return Bytes.fromHex(text(node, path));
            } else if (raw == MobilityOption.class) {
                return optionFromJson(node, path);
            } else if (raw == MobilityMessage.class) {
                return messageFromJson(node, path);
            } else if (raw.isEnum()) {
                return enumConstant(raw, node, path);
            } else if (raw == List.class && type instanceof ParameterizedType p) {
                expect(node.isArray(), node, path, "an array");
                List<Object> list = new ArrayList<>();
                for (int i = 0; i < node.size(); i++) {
                    list.add(valueFromJson(node.get(i), p.getActualTypeArguments()[0], path + "[" + i + "]"));
                }
                return list;
            }
        } catch (IllegalArgumentException e) {
            throw new WireJsonException(path, e.getMessage());
        }
        throw new IllegalStateException("no JSON form for " + type.getTypeName() + "; teach MobilityJson this value type");
    }

    /** The raw code of an enum-view component from {@code "foo"} (object, name or number) or {@code "fooCode"}. */
    private static Object enumCode(JsonNode node, String path, String component, Method view) throws WireJsonException {
        Class<?> enumType = optionalArgument(view).orElseThrow();
        JsonNode raw = node.get(component);
        JsonNode shown = node.get(view.getName());
        String here = path + "." + view.getName();
        if (raw != null && shown != null) {
            throw new WireJsonException(here, "give \"" + view.getName() + "\" or \"" + component + "\", not both");
        }
        if (raw != null) {
            return valueFromJson(raw, int.class, path + "." + component);
        }
        if (shown == null || shown.isNull()) {
            throw new WireJsonException(here, "missing (" + enumType.getSimpleName() + " name or code)");
        }
        if (shown.isNumber()) {
            return valueFromJson(shown, int.class, here);
        }
        if (shown.isTextual()) {
            return codeOf((Enum<?>) enumConstant(enumType, shown, here)).orElseThrow();
        }
        expect(shown.isObject(), shown, here, "{\"name\":..,\"code\":..}, a name or a code");
        JsonNode name = shown.get("name");
        JsonNode code = shown.get("code");
        Integer byName = name == null || name.isNull() ? null
                : codeOf((Enum<?>) enumConstant(enumType, name, here + ".name")).orElseThrow();
        Integer byCode = code == null || code.isNull() ? null : (Integer) valueFromJson(code, int.class, here + ".code");
        if (byName != null && byCode != null && !byName.equals(byCode)) {
            throw new WireJsonException(here, name.asText() + " is code " + byName + ", not " + byCode
                    + " (edit both, or drop one)");
        }
        if (byName == null && byCode == null) {
            throw new WireJsonException(here, "needs \"name\" or \"code\"");
        }
        return byCode != null ? byCode : byName;
    }

    private static Object enumConstant(Class<?> enumType, JsonNode node, String path) throws WireJsonException {
        String name = node.isObject() && node.has("name") ? node.get("name").asText() : text(node, path);
        for (Object constant : enumType.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(name)) {
                return constant;
            }
        }
        List<String> names = new ArrayList<>();
        for (Object constant : enumType.getEnumConstants()) {
            names.add(((Enum<?>) constant).name());
        }
        throw new WireJsonException(path, "unknown " + enumType.getSimpleName() + " \"" + name + "\" (known: "
                + String.join(", ", names) + ")");
    }

    private static <T> T construct(Class<? extends T> type, Class<?>[] argTypes, Object[] args, String path)
            throws WireJsonException {
        try {
            Constructor<? extends T> canonical = type.getDeclaredConstructor(argTypes);
            return canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            // the record's own validation: ranges, required fields
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException) {
                throw new WireJsonException(path, type.getSimpleName() + ": " + cause.getMessage());
            }
            throw new IllegalStateException(cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    // ---- reflection helpers

    /** For component {@code fooCode} (int), the public {@code Optional<SomeEnum> foo()} that names it. */
    private static Optional<Method> enumView(Class<?> type, RecordComponent c) {
        String name = c.getName();
        if (c.getType() != int.class || !name.endsWith(CODE_SUFFIX) || name.length() == CODE_SUFFIX.length()) {
            return Optional.empty();
        }
        try {
            Method view = type.getMethod(name.substring(0, name.length() - CODE_SUFFIX.length()));
            return Modifier.isStatic(view.getModifiers()) || optionalArgument(view).isEmpty()
                    ? Optional.empty() : Optional.of(view);
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    private static Optional<Class<?>> optionalArgument(Method m) {
        if (m.getReturnType() == Optional.class && m.getGenericReturnType() instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> arg && arg.isEnum()) {
            return Optional.of(arg);
        }
        return Optional.empty();
    }

    /** The wire value of an enum constant that has {@code int code()}, as the model's enums do. */
    private static Optional<Integer> codeOf(Enum<?> e) {
        try {
            Method code = e.getDeclaringClass().getMethod("code");
            return code.getReturnType() == int.class ? Optional.of((Integer) code.invoke(e)) : Optional.empty();
        } catch (ReflectiveOperationException ex) {
            return Optional.empty();
        }
    }

    private static List<String> fieldNames(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            names.add(enumView(type, c).map(Method::getName).orElse(c.getName()));
        }
        return names;
    }

    private static Object invoke(Method m, Object target) {
        try {
            return m.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + m, e);
        }
    }

    private static JsonNode expect(boolean ok, JsonNode node, String path, String what) throws WireJsonException {
        if (!ok) {
            throw new WireJsonException(path, "expected " + what + ", got " + node);
        }
        return node;
    }

    private static String text(JsonNode node, String path) throws WireJsonException {
        return expect(node.isTextual(), node, path, "a string").asText();
    }
}
