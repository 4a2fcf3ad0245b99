package org.resnetexplorer.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Reads and writes {@code *.resnet.json}: the spec's fields plus {@code "format": 1}. Reading is
 * strict, so a typo in a hand-edited file is reported with the field's path instead of being
 * silently ignored.
 */
public final class SpecJson {

    public static final int FORMAT = 1;
    public static final String EXTENSION = ".resnet.json";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private SpecJson() {
    }

    public static String toJson(NetworkSpec spec) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.setAll((ObjectNode) MAPPER.valueToTree(spec));
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write spec as JSON", e);
        }
    }

    public static NetworkSpec fromJson(String json) throws SpecFormatException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SpecFormatException("not valid JSON (line " + e.getLocation().getLineNr()
                    + "): " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new SpecFormatException("a network file must be a JSON object with a"
                    + " \"format\": " + FORMAT + " field");
        }
        JsonNode format = root.get("format");
        if (format == null) {
            throw new SpecFormatException("missing field 'format' (expected \"format\": "
                    + FORMAT + ")");
        }
        if (!format.isInt() || format.intValue() != FORMAT) {
            throw new SpecFormatException("field 'format' is " + format + ", but this version"
                    + " reads format " + FORMAT);
        }
        ObjectNode body = ((ObjectNode) root).deepCopy();
        body.remove("format");
        // Jackson reports a missing field before an unknown one; a typo is the likelier cause.
        rejectUnknownFields(body, NetworkSpec.class, "");
        try {
            return MAPPER.treeToValue(body, NetworkSpec.class);
        } catch (UnrecognizedPropertyException e) {
            throw new SpecFormatException("unknown field '" + path(e) + "'", e);
        } catch (InvalidFormatException e) {
            String allowed = e.getTargetType().isEnum()
                    ? " (allowed: " + Arrays.stream(e.getTargetType().getEnumConstants())
                            .map(Object::toString).collect(Collectors.joining(", ")) + ")"
                    : "";
            throw new SpecFormatException("field '" + path(e) + "' has the wrong value "
                    + e.getValue() + allowed, e);
        } catch (MismatchedInputException e) {
            String msg = e.getOriginalMessage();
            String prop = msg.matches("(?s).*property '([^']*)'.*")
                    ? msg.replaceAll("(?s).*property '([^']*)'.*", "$1") : null;
            if (msg.contains("creator property") && prop != null) {
                throw new SpecFormatException("missing field '" + path(e) + "'", e);
            }
            throw new SpecFormatException("field '" + path(e) + "' has the wrong type", e);
        } catch (JsonProcessingException e) {
            throw new SpecFormatException("cannot read network: " + e.getOriginalMessage(), e);
        }
    }

    public static NetworkSpec read(Path file) throws SpecFormatException, IOException {
        try {
            return fromJson(Files.readString(file, StandardCharsets.UTF_8));
        } catch (SpecFormatException e) {
            throw new SpecFormatException(file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Writes to a temporary file first, so a crash never leaves a half-written network. */
    public static void write(NetworkSpec spec, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".resnet-", ".tmp");
        try {
            Files.writeString(tmp, toJson(spec), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void rejectUnknownFields(JsonNode node, Type type, String where)
            throws SpecFormatException {
        if (type instanceof ParameterizedType list && node.isArray()) {
            Type element = list.getActualTypeArguments()[0];
            for (int i = 0; i < node.size(); i++) {
                rejectUnknownFields(node.get(i), element, where + "[" + i + "]");
            }
        } else if (type instanceof Class<?> c && c.isRecord() && node.isObject()) {
            Map<String, Type> fields = new LinkedHashMap<>();
            for (RecordComponent rc : c.getRecordComponents()) {
                fields.put(rc.getName(), rc.getGenericType());
            }
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> field = it.next();
                String path = where.isEmpty() ? field.getKey() : where + "." + field.getKey();
                Type fieldType = fields.get(field.getKey());
                if (fieldType == null) {
                    throw new SpecFormatException("unknown field '" + path + "' (expected: "
                            + String.join(", ", fields.keySet()) + ")");
                }
                rejectUnknownFields(field.getValue(), fieldType, path);
            }
        }
    }

    /** "stages[1].blocks[0].stride" from Jackson's reference path. */
    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
