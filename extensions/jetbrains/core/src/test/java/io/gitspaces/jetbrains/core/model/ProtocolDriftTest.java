package io.gitspaces.jetbrains.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.annotations.SerializedName;
import io.gitspaces.jetbrains.core.TestSupport;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Java mirror of the contract against {@code docs/protocol.schema.json}, which the server exports from
 * {@code Gitspaces.Protocol}: method names and directions, every property name of every params and result record
 * (recursively), enum values, error codes, event types and IDE ids.
 */
class ProtocolDriftTest {
    private static JsonObject schema;

    @BeforeAll
    static void load() throws IOException {
        Path file = TestSupport.repoRoot().resolve("docs/protocol.schema.json");
        if (!Files.isRegularFile(file)) {
            fail(file + " is missing; it is the committed output of ProtocolSchema.ExportText() in server/Gitspaces.Protocol"
                    + " and the Java client is checked against it");
        }
        schema = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }

    @Test
    void protocolVersion() {
        assertEquals(ProtocolInfo.VERSION, schema.get("protocolVersion").getAsString());
        assertTrue(ProtocolInfo.isCompatible("1.7"));
        assertTrue(!ProtocolInfo.isCompatible("2.0"));
    }

    @Test
    void methodNamesDirectionsAndKinds() {
        JsonObject methods = schema.getAsJsonObject("methods");
        Map<String, ProtocolCatalog.Entry> java = new LinkedHashMap<>();
        for (ProtocolCatalog.Entry e : ProtocolCatalog.ALL) {
            java.put(e.name(), e);
        }
        assertEquals(new TreeSet<>(methods.keySet()), new TreeSet<>(java.keySet()), "methods in the schema vs ProtocolCatalog.ALL");
        assertEquals(new ArrayList<>(methods.keySet()), new ArrayList<>(java.keySet()), "documentation order");
        for (String name : methods.keySet()) {
            JsonObject m = methods.getAsJsonObject(name);
            ProtocolCatalog.Entry e = java.get(name);
            assertEquals(m.get("direction").getAsString(), e.direction(), name + " direction");
            assertEquals(m.get("notification").getAsBoolean(), e.notification(), name + " notification");
            assertEquals(m.has("result"), e.resultType() != null, name + " has a result");
        }
        Set<String> constants = new TreeSet<>(stringConstants(Methods.class));
        Set<String> expected = new TreeSet<>(methods.keySet());
        expected.add(Methods.CANCEL_REQUEST); // a notification the catalog does not list, like Methods.cs
        assertEquals(expected, constants, "Methods constants");
    }

    @TestFactory
    Stream<DynamicTest> recordPropertiesMatchTheSchema() {
        JsonObject methods = schema.getAsJsonObject("methods");
        List<DynamicTest> tests = new ArrayList<>();
        for (ProtocolCatalog.Entry e : ProtocolCatalog.ALL) {
            JsonObject m = methods.getAsJsonObject(e.name());
            if (m == null) {
                continue; // reported by methodNamesDirectionsAndKinds
            }
            tests.add(DynamicTest.dynamicTest(e.name() + " params", () -> assertMatches(m.get("params"), e.paramsType(), e.name() + ".params")));
            if (e.resultType() != null && m.has("result")) {
                tests.add(DynamicTest.dynamicTest(e.name() + " result", () -> assertMatches(m.get("result"), e.resultType(), e.name() + ".result")));
            }
        }
        tests.add(DynamicTest.dynamicTest("ErrorData", () -> {
            // ErrorData is not a method's record; check it against its C# property list.
            assertEquals(List.of("kind", "gitspaceId", "provider", "field", "state", "step", "hint", "log", "diagnostics", "repository", "hostAccess"),
                    componentNames(ErrorData.class));
        }));
        return tests.stream();
    }

    @Test
    void errorCodes() {
        Map<String, Integer> fromSchema = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : schema.getAsJsonObject("errorCodes").entrySet()) {
            fromSchema.put(e.getKey(), e.getValue().getAsInt());
        }
        assertEquals(fromSchema, ErrorCodes.all());
    }

    @Test
    void eventTypesAndIdes() {
        assertEquals(strings(schema.getAsJsonArray("eventTypes")), EventTypes.ALL);
        assertEquals(strings(schema.getAsJsonArray("ides")), Ides.ALL);
    }

    // ---- the recursive comparison ------------------------------------------------------------------------------

    private static void assertMatches(JsonElement node, Type javaType, String path) {
        List<String> problems = new ArrayList<>();
        compare(node, javaType, path, problems);
        if (!problems.isEmpty()) {
            fail("the Java records drifted from docs/protocol.schema.json:\n  " + String.join("\n  ", problems));
        }
    }

    private static void compare(JsonElement node, Type type, String path, List<String> problems) {
        node = resolve(node);
        if (node.isJsonPrimitive() && node.getAsJsonPrimitive().isBoolean()) {
            return; // "true": any JSON (JsonElement on the C# side)
        }
        JsonObject n = node.getAsJsonObject();
        Set<String> types = types(n);
        Class<?> raw = raw(type);
        if (n.has("enum")) {
            if (!raw.isEnum()) {
                problems.add(path + ": the schema has an enum, Java has " + raw.getSimpleName());
                return;
            }
            Set<String> schemaValues = new LinkedHashSet<>();
            for (JsonElement v : n.getAsJsonArray("enum")) {
                if (!v.isJsonNull()) {
                    schemaValues.add(v.getAsString());
                }
            }
            Set<String> javaValues = new LinkedHashSet<>();
            for (Field f : raw.getFields()) {
                if (f.isEnumConstant()) {
                    SerializedName sn = f.getAnnotation(SerializedName.class);
                    javaValues.add(sn == null ? f.getName() : sn.value());
                }
            }
            if (!schemaValues.equals(javaValues)) {
                problems.add(path + ": enum values " + schemaValues + " in the schema, " + javaValues + " in " + raw.getSimpleName());
            }
            return;
        }
        if (types.contains("object") || n.has("properties")) {
            if (!raw.isRecord()) {
                problems.add(path + ": the schema has an object, Java has " + raw.getSimpleName());
                return;
            }
            JsonObject props = n.has("properties") ? n.getAsJsonObject("properties") : new JsonObject();
            Map<String, Type> components = new LinkedHashMap<>();
            for (RecordComponent c : raw.getRecordComponents()) {
                components.put(c.getName(), c.getGenericType());
            }
            for (String p : props.keySet()) {
                if (!components.containsKey(p)) {
                    problems.add(path + "." + p + ": in the schema, missing from " + raw.getSimpleName());
                }
            }
            for (String c : components.keySet()) {
                if (!props.has(c)) {
                    problems.add(path + "." + c + ": in " + raw.getSimpleName() + ", not in the schema");
                }
            }
            for (String p : props.keySet()) {
                if (components.containsKey(p)) {
                    compare(props.get(p), components.get(p), path + "." + p, problems);
                }
            }
            return;
        }
        if (types.contains("array")) {
            if (raw != List.class || !(type instanceof ParameterizedType pt)) {
                problems.add(path + ": the schema has an array, Java has " + type.getTypeName());
                return;
            }
            if (n.has("items")) {
                compare(n.get("items"), pt.getActualTypeArguments()[0], path + "[]", problems);
            }
            return;
        }
        boolean ok;
        if (types.contains("string")) {
            ok = raw == String.class || raw == Instant.class;
        } else if (types.contains("integer")) {
            ok = raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class;
        } else if (types.contains("boolean")) {
            ok = raw == boolean.class || raw == Boolean.class;
        } else if (types.contains("number")) {
            ok = raw == double.class || raw == Double.class;
        } else {
            ok = true; // no type constraint
        }
        if (!ok) {
            problems.add(path + ": the schema has " + types + ", Java has " + raw.getSimpleName());
        }
    }

    private static JsonElement resolve(JsonElement node) {
        int guard = 0;
        while (node.isJsonObject() && node.getAsJsonObject().has("$ref")) {
            String ref = node.getAsJsonObject().get("$ref").getAsString();
            if (!ref.startsWith("#/") || ++guard > 32) {
                fail("cannot resolve $ref " + ref);
            }
            JsonElement target = schema;
            for (String part : ref.substring(2).split("/")) {
                target = target.getAsJsonObject().get(part.replace("~1", "/").replace("~0", "~"));
            }
            node = target;
        }
        return node;
    }

    private static Set<String> types(JsonObject n) {
        Set<String> set = new LinkedHashSet<>();
        JsonElement t = n.get("type");
        if (t == null) {
            return set;
        }
        if (t.isJsonArray()) {
            for (JsonElement e : t.getAsJsonArray()) {
                set.add(e.getAsString());
            }
        } else {
            set.add(t.getAsString());
        }
        set.remove("null");
        return set;
    }

    private static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalArgumentException(t.getTypeName());
    }

    private static List<String> componentNames(Class<?> record) {
        List<String> names = new ArrayList<>();
        for (RecordComponent c : record.getRecordComponents()) {
            names.add(c.getName());
        }
        return names;
    }

    private static List<String> strings(JsonArray array) {
        List<String> list = new ArrayList<>();
        for (JsonElement e : array) {
            list.add(e.getAsString());
        }
        return list;
    }

    private static List<String> stringConstants(Class<?> c) {
        List<String> list = new ArrayList<>();
        for (Field f : c.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    list.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return list;
    }
}
